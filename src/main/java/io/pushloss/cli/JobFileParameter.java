package io.pushloss.cli;

import java.nio.file.Path;

import picocli.CommandLine.Parameters;

import io.pushloss.jobdef.JobDefinition;

/** The job file of the commands that work on one job ({@code run}, {@code backfill}, {@code restart}, {@code usersig}). */
final class JobFileParameter {

	@Parameters(index = "0", paramLabel = "JOB_FILE", description = "The job file, e.g. jobs/demo.yml.")
	Path jobFile;

	/** The job file, loaded and validated. */
	JobDefinition load() {
		return JobFiles.load(this.jobFile);
	}

}
