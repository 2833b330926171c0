package io.pushloss.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command; does nothing by itself but list the subcommands. */
@Command(name = "push-loss-report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "Weekly report of lost Tencent Cloud Chat push notifications, per vendor and error code, "
				+ "week over week. Excel and PDF, emailed and archived." },
		subcommands = { RunCommand.class, BackfillCommand.class, ServeCommand.class, RestartCommand.class,
				RunsCommand.class, CopyToPostgresCommand.class, SimulateCommand.class, ValidateCommand.class,
				UserSigCommand.class, StartupTrainingCommand.class, UsersCommand.class },
		footerHeading = "%nExamples:%n",
		footer = { "  push-loss-report validate jobs/*.yml", "  push-loss-report run jobs/demo.yml --week 2026-W46",
				"  push-loss-report backfill jobs/demo.yml --from 2026-W40 --to 2026-W46",
				"  push-loss-report serve jobs/weekly-push-loss.yml",
				"  push-loss-report users add alice --role operator --password-stdin" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:success", "1:the run failed", "2:invalid input (job file, week, option); nothing written" })
final class PushLossReportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new ParameterException(this.spec.commandLine(), "Missing command, e.g. run, validate or serve");
	}

}
