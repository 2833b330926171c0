package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --data-dir} for the commands that use the store. */
final class DataDirOption {

	static final String DEFAULT = "./data";

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = DEFAULT,
			description = "Directory of the store, the run history and the default archive (default: "
					+ "${DEFAULT-VALUE}); created by the first command that writes to it.")
	Path dataDir;

	/**
	 * The directory, checked to be usable: a folder, or one that can be created (its nearest existing parent is a
	 * folder); never creates it (invalid input must write nothing).
	 */
	Path checked() {
		if (Files.exists(this.dataDir) && !Files.isDirectory(this.dataDir)) {
			throw new ParameterException(this.spec.commandLine(),
					"--data-dir " + this.dataDir + " exists and is not a directory");
		}
		Path parent = JobReadiness.nearestExisting(this.dataDir.toAbsolutePath().normalize());
		if (parent != null && !Files.isDirectory(parent)) {
			throw new ParameterException(this.spec.commandLine(),
					"--data-dir " + this.dataDir + " cannot be created: " + parent + " is not a directory");
		}
		return this.dataDir;
	}

}
