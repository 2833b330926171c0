package io.pushloss.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

@Command(name = "restart", sortOptions = false,
		description = { "Restart the failed or stopped run of one week, continuing where it stopped (the windows "
				+ "already stored are not fetched again). See `runs` for failed runs.",
				"Exits 2 when the week has no run, or its last run completed (nothing to restart)." })
final class RestartCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Mixin
	JobFileParameter jobFile;

	@Option(names = "--week", required = true, paramLabel = "YYYY-Www", converter = IsoWeekConverter.class,
			description = "The week whose failed run to resume, e.g. 2026-W46.")
	IsoWeek week;

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	RestartCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		JobDefinition job = this.jobFile.load();
		Weeks.requireComplete(this.spec, job, this.week, "--week", this.environment.clock());
		Path data = this.dataDir.checked();
		return this.environment.operations()
			.restart(new ReportOperations.RestartRequest(job, this.week, data), this.environment.output());
	}

}
