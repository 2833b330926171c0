package io.pushloss.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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

	@Test
	void callAfterALateWakeUpKeepsItsDistanceFromThatLateStart() throws InterruptedException {
		long late = Duration.ofMillis(30).toNanos();
		SpacingRateLimiter oversleeping = new SpacingRateLimiter(this.nanos::get, (wait) -> {
			this.sleeps.add(wait);
			this.nanos.addAndGet(wait + late);
		});
		long first = oversleeping.acquire("a", SPACING);
		long second = oversleeping.acquire("a", SPACING);
		long third = oversleeping.acquire("a", SPACING);

		assertThat(second - first).isEqualTo(SPACING.toNanos() + late);
		assertThat(third - second).isGreaterThanOrEqualTo(SPACING.toNanos());
	}

	@Test
	void queuedCallerKeepsItsDistanceFromTheLateStartOfTheCallerBeforeIt() throws Exception {
		long late = Duration.ofMillis(30).toNanos();
		long spacing = SPACING.toNanos();
		BlockingQueue<Long> waits = new LinkedBlockingQueue<>();
		Map<String, Semaphore> alarms = Map.of("B", new Semaphore(0), "C", new Semaphore(0));
		SpacingRateLimiter limiter = new SpacingRateLimiter(this.nanos::get, (wait) -> {
			waits.put(wait);
			alarms.get(Thread.currentThread().getName()).acquire();
		});
		long first = limiter.acquire("a", SPACING);
		ExecutorService b = Executors.newSingleThreadExecutor((task) -> new Thread(task, "B"));
		ExecutorService c = Executors.newSingleThreadExecutor((task) -> new Thread(task, "C"));
		try {
			Future<Long> callB = b.submit(() -> limiter.acquire("a", SPACING));
			assertThat(waits.poll(5, TimeUnit.SECONDS)).isEqualTo(spacing);
			Future<Long> callC = c.submit(() -> limiter.acquire("a", SPACING));
			assertThat(waits.poll(5, TimeUnit.SECONDS)).isEqualTo(2 * spacing);

			// B wakes up 30 ms after its slot and starts then
			this.nanos.addAndGet(spacing + late);
			alarms.get("B").release();
			long startB = callB.get(5, TimeUnit.SECONDS);
			// C wakes up on time for its own slot, but that is too close to B's actual start: it sleeps the rest
			this.nanos.set(first + 2 * spacing);
			alarms.get("C").release();
			assertThat(waits.poll(5, TimeUnit.SECONDS)).isEqualTo(late);
			this.nanos.addAndGet(late);
			alarms.get("C").release();
			long startC = callC.get(5, TimeUnit.SECONDS);

			assertThat(startB - first).isEqualTo(spacing + late);
			assertThat(startC - startB).isEqualTo(spacing);
		}
		finally {
			b.shutdownNow();
			c.shutdownNow();
		}
	}

	@Test
	void callAfterAColdCallKeepsTheSpacingFromTheColdCallsAnswer() throws InterruptedException {
		long first = this.limiter.acquire("a", SPACING);
		// the first call opened a connection: its answer came 300 ms after its start
		this.nanos.addAndGet(Duration.ofMillis(300).toNanos());
		this.limiter.finished("a", first);
		long second = this.limiter.acquire("a", SPACING);
		this.nanos.addAndGet(Duration.ofMillis(300).toNanos());
		this.limiter.finished("a", second);
		long third = this.limiter.acquire("a", SPACING);

		assertThat(second - first).isEqualTo(Duration.ofMillis(300).toNanos() + SPACING.toNanos());
		// the second call was warm: the third keeps the spacing from its start, as usual
		assertThat(third - second).isEqualTo(SPACING.toNanos());
	}

	@Test
	void aCallAfterAnIdlePeriodIsColdAgain() throws InterruptedException {
		this.limiter.finished("a", this.limiter.acquire("a", SPACING));
		this.nanos.addAndGet(SpacingRateLimiter.COLD_AFTER.plusSeconds(1).toNanos());
		long afterIdle = this.limiter.acquire("a", SPACING);
		this.nanos.addAndGet(Duration.ofMillis(250).toNanos());
		this.limiter.finished("a", afterIdle);
		long next = this.limiter.acquire("a", SPACING);

		assertThat(next - afterIdle).isEqualTo(Duration.ofMillis(250).toNanos() + SPACING.toNanos());
	}

}
