package io.pushloss.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "runs", sortOptions = false,
		description = { "List the most recent runs (" + SpringReportOperations.RUNS_LIMIT + " unless --limit says "
				+ "otherwise), newest first, of one job or of all jobs: week, status, start, duration, windows, calls, partial or not, email and archive.",
				"Reads the data directory only; creates nothing when it has no database yet." })
final class RunsCommand implements Callable<Integer> {

	static final int MAX_LIMIT = 10_000;

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "JOB_NAME",
			description = "Only this job's runs (the job's name, not its file; default: all jobs).")
	String jobName;

	@Option(names = "--json", description = "Print JSON instead of a table.")
	boolean json;

	@Option(names = "--limit", paramLabel = "N", description = "How many runs to list, newest first (default: "
			+ SpringReportOperations.RUNS_LIMIT + ", at most " + MAX_LIMIT + ").")
	int limit = SpringReportOperations.RUNS_LIMIT;

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	RunsCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		if (this.jobName != null && !this.jobName.matches("[a-z0-9-]{1,64}")) {
			throw new ParameterException(this.spec.commandLine(), "JOB_NAME '" + this.jobName
					+ "' is not a job name (lower-case letters, digits and '-'); pass the name, not the file");
		}
		if (this.limit < 1 || this.limit > MAX_LIMIT) {
			throw new ParameterException(this.spec.commandLine(),
					"--limit " + this.limit + " is out of range: 1 to " + MAX_LIMIT);
		}
		Path data = this.dataDir.checked();
		return this.environment.operations()
			.runs(new ReportOperations.RunsRequest(this.jobName, this.json, data, this.limit),
					this.environment.output());
	}

}
