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
		description = { "List the " + SpringReportOperations.RUNS_LIMIT + " most recent runs, newest first, of one job "
				+ "or of all jobs: week, status, start, duration, windows, calls, partial or not, email and archive.",
				"Reads the data directory only; creates nothing when it has no database yet." })
final class RunsCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "JOB_NAME",
			description = "Only this job's runs (the job's name, not its file; default: all jobs).")
	String jobName;

	@Option(names = "--json", description = "Print JSON instead of a table.")
	boolean json;

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
		Path data = this.dataDir.checked();
		return this.environment.operations()
			.runs(new ReportOperations.RunsRequest(this.jobName, this.json, data), this.environment.output());
	}

}
