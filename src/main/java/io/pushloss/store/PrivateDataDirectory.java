package io.pushloss.store;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import io.pushloss.domain.PrivateFiles;

/**
 * Makes the data directory and its log folder owner-only before logging starts: Logback creates the log file (and
 * rolls it) with the umask's mode, so the folder it writes into is created {@code 0700} first and the files already
 * in it are made {@code 0600}. Runs while Spring prepares the environment, before the logging system reads it. A
 * log file configured outside the data directory is left as the operator set it up.
 */
public final class PrivateDataDirectory implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path dataDir = Path.of(environment.getProperty("pushloss.data-dir", "./data")).toAbsolutePath().normalize();
		String logFile = environment.getProperty("logging.file.name");
		if (!StringUtils.hasText(logFile)) {
			return;
		}
		Path logs = Path.of(logFile).toAbsolutePath().normalize().getParent();
		if (logs == null || !logs.startsWith(dataDir)) {
			return;
		}
		try {
			PrivateFiles.directory(dataDir);
			PrivateFiles.directoryUnder(dataDir, logs);
			PrivateFiles.restrictFolder(logs);
		}
		catch (IOException ex) {
			// the log file or the database reports the folder that cannot be written, naming it
		}
	}

}
