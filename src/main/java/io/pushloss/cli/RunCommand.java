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

@Command(name = "run", sortOptions = false,
		description = { "Produce the report of one week: fetch the week's push-loss statistics, store them, "
				+ "render Excel and PDF, archive them and email the recipients." })
final class RunCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Mixin
	JobFileParameter jobFile;

	@Option(names = "--week", paramLabel = "YYYY-Www", converter = IsoWeekConverter.class,
			description = "The ISO week to report on, e.g. 2026-W46; it must have ended in the job's zone "
					+ "(default: the last complete week).")
	IsoWeek week;

	@Option(names = "--no-email", description = "Archive the report but do not email it.")
	boolean noEmail;

	@Option(names = "--resend", description = "Email the report again even if it was already sent for this week "
			+ "(the delivery ledger otherwise sends each week once).")
	boolean resend;

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	RunCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		JobDefinition job = this.jobFile.load();
		IsoWeek reported = (this.week != null)
				? Weeks.requireComplete(this.spec, job, this.week, "--week", this.environment.clock())
				: IsoWeek.lastComplete(job.zone(), this.environment.clock());
		Path data = this.dataDir.checked();
		if (this.noEmail && this.resend) {
			throw new ParameterException(this.spec.commandLine(), "--resend and --no-email contradict each other");
		}
		return this.environment.operations()
			.run(new ReportOperations.RunRequest(job, reported, !this.noEmail, this.resend, data),
					this.environment.output());
	}

}
