package io.pushloss.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import io.pushloss.domain.PrivateFiles;

/**
 * Makes the program's folders in the data directory owner-only before logging starts: Logback creates the log file
 * (and rolls it) with the umask's mode, so the folder it writes into is created {@code 0700} first and the files
 * already in it are made {@code 0600}; the database, reports, archive, outbox and lock folders an earlier version
 * made with the umask's modes are made {@code 0700}. A data directory the operator made keeps its own mode; one the
 * program creates is {@code 0700}. Runs while Spring prepares the environment, before the logging system reads it. A
 * log file configured outside the data directory is left as the operator set it up.
 */
public final class PrivateDataDirectory implements EnvironmentPostProcessor {

	/** The folders the program makes in the data directory. */
	static final List<String> OWN_FOLDERS = List.of("db", "reports", "archive", "outbox", "logs", "locks");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path dataDir = Path.of(environment.getProperty("pushloss.data-dir", "./data")).toAbsolutePath().normalize();
		// the program's own folders, from earlier versions that made them with the umask's modes (0755): tightened
		for (String folder : OWN_FOLDERS) {
			PrivateFiles.restrict(dataDir.resolve(folder));
		}
		String logFile = environment.getProperty("logging.file.name");
		if (!StringUtils.hasText(logFile)) {
			return;
		}
		Path logs = Path.of(logFile).toAbsolutePath().normalize().getParent();
		if (logs == null || !logs.startsWith(dataDir)) {
			return;
		}
		try {
			PrivateFiles.ensureDirectory(dataDir);
			PrivateFiles.directoryUnder(dataDir, logs);
			PrivateFiles.restrictFolder(logs);
		}
		catch (IOException ex) {
			// the log file or the database reports the folder that cannot be written, naming it
		}
	}

}
