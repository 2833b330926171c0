package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
	 * @param settings the application's settings as it will see them ({@link EnvironmentVariables#properties})
	 */
	static List<String> problems(JobDefinition job, Path dataDir, UnaryOperator<String> environment,
			UnaryOperator<String> settings) {
		List<String> problems = new ArrayList<>();
		missingSecretKey(job, environment).ifPresent(problems::add);
		new MailModeCheck(settings).refusal(job).ifPresent(problems::add);
		archive(job, dataDir, settings).ifPresent(problems::add);
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
	 * The archive folder ({@code archive.dir}, else {@code pushloss.archive.directory}, else
	 * {@code <data-dir>/archive}) must be a writable folder, or one that can be created: its nearest existing parent
	 * a writable folder.
	 * @param settings the application's settings as it will see them ({@code PUSHLOSS_ARCHIVE_DIRECTORY})
	 */
	static Optional<String> archive(JobDefinition job, Path dataDir, UnaryOperator<String> settings) {
		String shared = settings.apply("pushloss.archive.directory");
		Path dir;
		String field;
		if (job.archive().dir() != null) {
			dir = job.archive().dir();
			field = "archive.dir";
		}
		else if (shared != null) {
			dir = Path.of(shared);
			field = "archive (the default of jobs without archive.dir, pushloss.archive.directory, "
					+ "PUSHLOSS_ARCHIVE_DIRECTORY)";
		}
		else {
			dir = dataDir.resolve("archive");
			field = "archive (the default, <data-dir>/archive)";
		}
		return unwritableFolder(dir.toAbsolutePath().normalize())
			.map((text) -> job.file() + ": " + field + ": " + text);
	}

	/**
	 * Why a folder the program writes into could not be used: it is not a folder or not writable, or it does not
	 * exist and cannot be created (its nearest existing parent is not a writable folder); empty when usable.
	 * @param dir an absolute, normalised path
	 */
	static Optional<String> unwritableFolder(Path dir) {
		if (Files.exists(dir)) {
			if (!Files.isDirectory(dir)) {
				return Optional.of(dir + " is not a folder");
			}
			return Files.isWritable(dir) ? Optional.empty() : Optional.of(dir + " is not writable");
		}
		Path parent = nearestExisting(dir);
		if (parent == null || !Files.isDirectory(parent)) {
			return Optional.of(dir + " cannot be created: " + parent + " is not a folder");
		}
		return Files.isWritable(parent) ? Optional.empty()
				: Optional.of(dir + " cannot be created: " + parent + " is not writable");
	}

	/** The nearest parent of a path that does not exist which does, {@code null} if none. */
	static Path nearestExisting(Path absent) {
		Path parent = absent.getParent();
		while (parent != null && !Files.exists(parent)) {
			parent = parent.getParent();
		}
		return parent;
	}

}
