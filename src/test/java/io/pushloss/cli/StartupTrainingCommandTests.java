package io.pushloss.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hidden training run of bin/pushloss's class-data-sharing archive: it passes through what the commands load
 * when they start, writes only under its directory, prints nothing and is not listed in the help.
 */
class StartupTrainingCommandTests {

	@TempDir
	Path dir;

	@Test
	void loadsWhatTheCommandsLoadWritingOnlyUnderItsDirectory() {
		try (OperationsCli cli = new OperationsCli()) {
			assertThat(cli.execute("startup-training", this.dir.toString())).as(cli.err()).isZero();
			assertThat(cli.out()).isEmpty();
			assertThat(this.dir.resolve("data/db/pushloss.mv.db")).as("the run's context migrated a new database")
				.isRegularFile();
			assertThat(this.dir.resolve("startup-training.yml")).isRegularFile();

			assertThat(cli.execute("--help")).isZero();
			assertThat(cli.out()).doesNotContain("startup-training");
		}
	}

}
