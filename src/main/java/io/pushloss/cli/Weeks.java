package io.pushloss.cli;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

/** Week checks shared by the commands: a report is only made for a week that has ended in the job's zone. */
final class Weeks {

	private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Weeks() {
	}

	/**
	 * @throws ParameterException (exit code 2) when the week has not ended yet in the job's zone
	 */
	static IsoWeek requireComplete(CommandSpec spec, JobDefinition job, IsoWeek week, String option, Clock clock) {
		if (!week.isComplete(job.zone(), clock)) {
			throw new ParameterException(spec.commandLine(),
					String.format("%s %s has not ended yet in %s (it ends %s); the last complete week is %s", option,
							week, job.zone(), END.format(week.end(job.zone())), IsoWeek.lastComplete(job.zone(), clock)));
		}
		return week;
	}

}
