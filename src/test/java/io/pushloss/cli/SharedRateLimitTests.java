package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.ChildJvm;
import io.pushloss.PostgresTestDatabase;
import io.pushloss.domain.LossSource;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendor's frequency limit is per application and API: two processes running two jobs of one application at
 * the full rate share it through their database, so a strict server (the simulator, which measures arrivals) never
 * answers 60007. Without the shared limit, the two would call at twice the rate.
 */
class SharedRateLimitTests {

	private static final String SECRET_KEY = "shared-limit-test-secret-key-not-for-real-use";

	private static final double RATE = 4;

	@TempDir
	Path work;

	@Test
	void twoProcessesOnOneApplicationShareItsLimitThroughTheDatabase() throws Exception {
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(ChildJvm.NOW)));
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
					.withSecretKey(SECRET_KEY)
					.withCallsPerSecond(RATE)
					.withClock(clock))) {
			CompletableFuture<ChildCli.Result> alpha = CompletableFuture
				.supplyAsync(() -> child(database, "alpha").run(args(job("alpha", simulator), "alpha")));
			CompletableFuture<ChildCli.Result> beta = CompletableFuture
				.supplyAsync(() -> child(database, "beta").run(args(job("beta", simulator), "beta")));
			Utilisation utilisation = Utilisation.watch(simulator, alpha, beta);

			assertThat(alpha.get().exitCode()).as(alpha.get().output()).isZero();
			assertThat(beta.get().exitCode()).as(beta.get().output()).isZero();
			assertThat(simulator.frequencyLimitAnswers()).as("60007 answers of a server that measures arrivals")
				.isZero();
			// the two jobs plan the same windows of one application, and the store keeps a window once: the second may
			// find some or all of them already stored by the first (when it started later), never more than its own
			assertThat(simulator.calls()).as("no retry, at most each job's 15 windows").isBetween(15L, 30L);
			System.out.printf("Shared limit, 2 processes on one application at %.0f calls/s per API: %s%n", RATE,
					utilisation.describe(RATE));
		}
	}

	private ChildCli child(PostgresTestDatabase database, String name) {
		try {
			Path dir = Files.createDirectories(this.work.resolve(name));
			return new ChildCli(dir).env("SPRING_DATASOURCE_URL", database.url())
				.env("SPRING_DATASOURCE_USERNAME", "postgres")
				.env("PUSHLOSS_API_CALLS_PER_SECOND", Double.toString(RATE))
				// generous: CI runs two test JVMs beside these two processes on 2 cores (the default is 25ms; the benchmark
				// measures what the default does)
				.env("PUSHLOSS_API_ARRIVAL_MARGIN", "100ms")
				.env("TIM_SECRET_KEY", SECRET_KEY);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String[] args(Path job, String name) {
		return new String[] { "run", job.toString(), "--week", "2026-W46", "--no-email", "--data-dir",
				job.getParent().resolve("data-" + name).toString() };
	}

	/**
	 * 15 windows: the report week's 4 two-day windows and the baseline week's one (the call budget) x (overall, one
	 * task group, normal push).
	 */
	private Path job(String name, PushLossSimulator simulator) {
		try {
			return ChildJvm.writeJob(this.work, name, "0 0 9 ? * MON", simulator, "TIM_SECRET_KEY", """
					sources:
					  normal: true
					  all-member-tasks: [spring-sale, app-update]
					window: P2D
					baseline-weeks: 1
					recipients:
					  to: [pm@example.com]
					owners: [oncall@example.com]
					""");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Watches the simulator's call counts while the children run: first and last call per API. */
	private record Utilisation(long normalCalls, Duration normalSpan, long allMemberCalls, Duration allMemberSpan) {

		static Utilisation watch(PushLossSimulator simulator, CompletableFuture<?>... runs) throws InterruptedException {
			long[] first = { -1, -1 };
			long[] last = { -1, -1 };
			long[] counts = { 0, 0 };
			LossSource[] sources = { LossSource.NORMAL, LossSource.ALL_MEMBER };
			while (!CompletableFuture.allOf(runs).isDone()) {
				long now = System.nanoTime();
				for (int i = 0; i < 2; i++) {
					long calls = simulator.calls(sources[i]);
					if (calls > counts[i]) {
						first[i] = (first[i] < 0) ? now : first[i];
						last[i] = now;
						counts[i] = calls;
					}
				}
				Thread.sleep(10);
			}
			return new Utilisation(counts[0], Duration.ofNanos(last[0] - first[0]), counts[1],
					Duration.ofNanos(last[1] - first[1]));
		}

		String describe(double rate) {
			return "normal_push_loss %d calls in %s (%.2f of the limit), all_member_push_loss %d calls in %s (%.2f)"
				.formatted(this.normalCalls, this.normalSpan, use(this.normalCalls, this.normalSpan, rate),
						this.allMemberCalls, this.allMemberSpan, use(this.allMemberCalls, this.allMemberSpan, rate));
		}

		private static double use(long calls, Duration span, double rate) {
			return (span.toNanos() > 0) ? (calls - 1) / (span.toNanos() / 1e9) / rate : 0;
		}

	}

}
