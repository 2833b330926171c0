package io.pushloss.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpacingRateLimiterTests {

	static final Duration SPACING = Duration.ofMillis(1020);

	private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

	private final List<Long> sleeps = new ArrayList<>();

	private final SpacingRateLimiter limiter = new SpacingRateLimiter(this.nanos::get, (wait) -> {
		this.sleeps.add(wait);
		this.nanos.addAndGet(wait);
	});

	@Test
	void spacesTenBackToBackCallsAtLeastOneSecondApart() throws InterruptedException {
		List<Long> starts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			starts.add(this.limiter.acquire("1400000000 normal_push_loss", SPACING));
		}

		for (int i = 1; i < starts.size(); i++) {
			assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThanOrEqualTo(1_000_000_000L)
				.isEqualTo(SPACING.toNanos());
		}
		assertThat(this.nanos.get()).isEqualTo(starts.get(9));
		assertThat(this.sleeps).hasSize(9);
	}

	@Test
	void firstCallAndCallsAfterAPauseDoNotWait() throws InterruptedException {
		long first = this.limiter.acquire("a", SPACING);
		this.nanos.addAndGet(Duration.ofSeconds(3).toNanos());
		long second = this.limiter.acquire("a", SPACING);

		assertThat(this.sleeps).isEmpty();
		assertThat(second - first).isEqualTo(Duration.ofSeconds(3).toNanos());
	}

	@Test
	void callSoonAfterThePreviousWaitsOnlyTheRest() throws InterruptedException {
		long first = this.limiter.acquire("a", SPACING);
		this.nanos.addAndGet(Duration.ofMillis(700).toNanos());
		long second = this.limiter.acquire("a", SPACING);

		assertThat(second - first).isEqualTo(SPACING.toNanos());
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(320).toNanos());
	}

	@Test
	void keysAreIndependent() throws InterruptedException {
		long normal = this.limiter.acquire("1400000000 normal_push_loss", SPACING);
		long allMember = this.limiter.acquire("1400000000 all_member_push_loss", SPACING);

		assertThat(allMember).isEqualTo(normal);
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void sleeperWakingEarlyIsPutBackToSleep() throws InterruptedException {
		List<Long> partial = new ArrayList<>();
		SpacingRateLimiter impatient = new SpacingRateLimiter(this.nanos::get, (wait) -> {
			partial.add(wait);
			this.nanos.addAndGet(Math.max(1, wait / 2));
		});
		long first = impatient.acquire("a", SPACING);
		long second = impatient.acquire("a", SPACING);

		assertThat(second - first).isEqualTo(SPACING.toNanos());
		assertThat(this.nanos.get()).isGreaterThanOrEqualTo(second);
		assertThat(partial.size()).isGreaterThan(1);
	}

}
