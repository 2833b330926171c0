package io.pushloss.cli;

import java.nio.file.Path;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionLoader;

/** One loader for the process; a bad file surfaces as {@code InvalidJobDefinitionException} (exit code 2). */
final class JobFiles {

	private static final JobDefinitionLoader LOADER = new JobDefinitionLoader();

	private JobFiles() {
	}

	static JobDefinition load(Path file) {
		return LOADER.load(file);
	}

}
