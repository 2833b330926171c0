package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.ChildJvm;
import io.pushloss.domain.DataDirectoryLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One process that runs jobs per data directory on the embedded database: a second {@code run} (a real process,
 * as an operator would start it beside a {@code backfill} or {@code serve}) is refused before it opens anything,
 * with one line naming the holder, instead of connecting through the holder's database server and dying when the
 * holder exits.
 */
class OneProcessPerDataDirectoryTests {

	@TempDir
	Path work;

	@Test
	void aSecondProcessThatRunsJobsIsRefusedWithOneLineNamingTheHolder() throws IOException {
		Path dataDir = this.work.resolve("data");
		Path job = Files.writeString(this.work.resolve("demo.yml"), """
				name: demo
				zone: Asia/Shanghai
				schedule: "0 0 9 ? * MON"
				api:
				  simulator: true
				  sdkappid: 1400000000
				  identifier: administrator
				  secret-key-env: TIM_SECRET_KEY
				sources:
				  normal: true
				recipients:
				  to: [pm@example.com]
				""");
		ChildCli.Result refused;
		try (DataDirectoryLock holder = DataDirectoryLock.owner(dataDir, "backfill demo 2026-W40..2026-W46",
				Instant.parse(ChildJvm.NOW), Duration.ZERO)) {
			refused = new ChildCli(this.work)
				.run("run", job.toString(), "--week", "2026-W46", "--no-email", "--data-dir", dataDir.toString());
		}

		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ReportOperations.FAILED);
		assertThat(refused.lines()).as("one line, no stack trace").hasSize(1);
		assertThat(refused.lines().get(0)).startsWith("push-loss-report: failed: the data directory " + dataDir)
			.contains("is in use by pid " + ProcessHandle.current().pid()
					+ " (backfill demo 2026-W40..2026-W46) since 2026-11-18T02:00:00Z");
		assertThat(dataDir.resolve("db/pushloss.mv.db")).as("nothing opened").doesNotExist();
		assertThat(dataDir.resolve("reports")).doesNotExist();
	}

}
