package io.pushloss.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

@Command(name = "backfill", sortOptions = false,
		description = { "Produce the reports of a range of past weeks, oldest first, e.g. after installing or after "
				+ "an outage. Weeks that already have a completed run are skipped unless --force.",
				"Reports are archived; they are emailed only with --email." })
final class BackfillCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Mixin
	JobFileParameter jobFile;

	@Option(names = "--from", required = true, paramLabel = "YYYY-Www", converter = IsoWeekConverter.class,
			description = "The first week of the range.")
	IsoWeek from;

	@Option(names = "--to", required = true, paramLabel = "YYYY-Www", converter = IsoWeekConverter.class,
			description = "The last week of the range (inclusive); it must have ended in the job's zone.")
	IsoWeek to;

	@Option(names = "--email", description = "Also email each week's report (default: archive only).")
	boolean email;

	@Option(names = "--force", description = "Redo weeks that already have a completed run.")
	boolean force;

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	BackfillCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		if (this.from.compareTo(this.to) > 0) {
			throw new ParameterException(this.spec.commandLine(),
					"--from " + this.from + " is after --to " + this.to);
		}
		JobDefinition job = this.jobFile.load();
		Weeks.requireComplete(this.spec, job, this.to, "--to", this.environment.clock());
		Path data = this.dataDir.checked();
		return this.environment.operations()
			.backfill(new ReportOperations.BackfillRequest(job, this.from, this.to, this.email, this.force, data),
					this.environment.output());
	}

}
