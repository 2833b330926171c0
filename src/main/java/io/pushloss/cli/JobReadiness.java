package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.pushloss.jobdef.JobDefinition;

/**
 * What {@code run}, {@code backfill} and {@code serve} would refuse, or fail on, about a valid job file in this
 * environment: the secret-key variable unset, an email that could reach nobody (no SMTP host), an archive folder that
 * cannot be written. Each problem is one line naming the file and the field.
 */
final class JobReadiness {

	private JobReadiness() {
	}

	/**
	 * Every problem of a job that emails, in field order; empty when it may run.
	 * @param dataDir the data directory (the default archive is below it)
	 * @param environment the command's environment variables
	 * @param properties properties the command passes to the application
	 */
	static List<String> problems(JobDefinition job, Path dataDir, UnaryOperator<String> environment,
			Map<String, Object> properties) {
		List<String> problems = new ArrayList<>();
		missingSecretKey(job, environment).ifPresent(problems::add);
		new MailModeCheck(environment, properties).refusal(job).ifPresent(problems::add);
		archive(job, dataDir).ifPresent(problems::add);
		return problems;
	}

	/**
	 * The secret key must be in the job's variable, except for a simulator job (which then uses the simulator's
	 * public demo key).
	 */
	static Optional<String> missingSecretKey(JobDefinition job, UnaryOperator<String> environment) {
		String value = environment.apply(job.api().secretKeyEnv());
		if (job.api().simulator() || (value != null && !value.isBlank())) {
			return Optional.empty();
		}
		return Optional.of(job.file() + ": api.secret-key-env: the environment variable " + job.api().secretKeyEnv()
				+ " is not set; it must hold the secret key of sdkappid " + job.api().sdkAppId());
	}

	/**
	 * The archive folder ({@code archive.dir}, else {@code <data-dir>/archive}) must be a writable folder, or one
	 * that can be created: its nearest existing parent a writable folder.
	 */
	static Optional<String> archive(JobDefinition job, Path dataDir) {
		boolean configured = job.archive().dir() != null;
		Path dir = (configured ? job.archive().dir() : dataDir.resolve("archive")).toAbsolutePath().normalize();
		String field = configured ? "archive.dir" : "archive (the default, <data-dir>/archive)";
		String problem = null;
		if (Files.exists(dir)) {
			if (!Files.isDirectory(dir)) {
				problem = dir + " is not a folder";
			}
			else if (!Files.isWritable(dir)) {
				problem = dir + " is not writable";
			}
		}
		else {
			Path parent = dir.getParent();
			while (parent != null && !Files.exists(parent)) {
				parent = parent.getParent();
			}
			if (parent == null || !Files.isDirectory(parent)) {
				problem = dir + " cannot be created: " + parent + " is not a folder";
			}
			else if (!Files.isWritable(parent)) {
				problem = dir + " cannot be created: " + parent + " is not writable";
			}
		}
		return Optional.ofNullable(problem).map((text) -> job.file() + ": " + field + ": " + text);
	}

}
