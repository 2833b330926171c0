package io.pushloss.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallWindowRateLimiterTests {

	/** The spacing at the vendor's 1 call per second: one call per window. */
	static final Duration SPACING = Duration.ofMillis(1020);

	/** The spacing at 20 calls per second, where 20 calls share a window of 1.02 s. */
	static final Duration SPACING_20 = Duration.ofMillis(51);

	static final long WINDOW_20 = Duration.ofMillis(1020).toNanos();

	static final long MIN_GAP_20 = Duration.ofMillis(51).toNanos() / 2;

	private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

	private final List<Long> sleeps = new ArrayList<>();

	private final CallWindowRateLimiter limiter = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
		this.sleeps.add(wait);
		this.nanos.addAndGet(wait);
	});

	@Test
	void spacesTenBackToBackCallsAtLeastOneSecondApart() throws InterruptedException {
		List<Long> starts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			starts.add(this.limiter.acquire("1400000000 normal_push_loss", 1, SPACING));
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
		long first = this.limiter.acquire("a", 1, SPACING);
		this.nanos.addAndGet(Duration.ofSeconds(3).toNanos());
		long second = this.limiter.acquire("a", 1, SPACING);

		assertThat(this.sleeps).isEmpty();
		assertThat(second - first).isEqualTo(Duration.ofSeconds(3).toNanos());
	}

	@Test
	void callSoonAfterThePreviousWaitsOnlyTheRest() throws InterruptedException {
		long first = this.limiter.acquire("a", 1, SPACING);
		this.nanos.addAndGet(Duration.ofMillis(700).toNanos());
		long second = this.limiter.acquire("a", 1, SPACING);

		assertThat(second - first).isEqualTo(SPACING.toNanos());
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(320).toNanos());
	}

	@Test
	void keysAreIndependent() throws InterruptedException {
		long normal = this.limiter.acquire("1400000000 normal_push_loss", 1, SPACING);
		long allMember = this.limiter.acquire("1400000000 all_member_push_loss", 1, SPACING);

		assertThat(allMember).isEqualTo(normal);
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void sleeperWakingEarlyIsPutBackToSleep() throws InterruptedException {
		List<Long> partial = new ArrayList<>();
		CallWindowRateLimiter impatient = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
			partial.add(wait);
			this.nanos.addAndGet(Math.max(1, wait / 2));
		});
		long first = impatient.acquire("a", 1, SPACING);
		long second = impatient.acquire("a", 1, SPACING);

		assertThat(second - first).isEqualTo(SPACING.toNanos());
		assertThat(this.nanos.get()).isGreaterThanOrEqualTo(second);
		assertThat(partial.size()).isGreaterThan(1);
	}

	@Test
	void callAfterALateWakeUpKeepsItsDistanceFromThatLateStart() throws InterruptedException {
		long late = Duration.ofMillis(30).toNanos();
		CallWindowRateLimiter oversleeping = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
			this.sleeps.add(wait);
			this.nanos.addAndGet(wait + late);
		});
		long first = oversleeping.acquire("a", 1, SPACING);
		long second = oversleeping.acquire("a", 1, SPACING);
		long third = oversleeping.acquire("a", 1, SPACING);

		assertThat(second - first).isEqualTo(SPACING.toNanos() + late);
		assertThat(third - second).isGreaterThanOrEqualTo(SPACING.toNanos());
	}

	@Test
	void queuedCallerKeepsItsDistanceFromTheLateStartOfTheCallerBeforeIt() throws Exception {
		long late = Duration.ofMillis(30).toNanos();
		long spacing = SPACING.toNanos();
		BlockingQueue<Long> waits = new LinkedBlockingQueue<>();
		Map<String, Semaphore> alarms = Map.of("B", new Semaphore(0), "C", new Semaphore(0));
		CallWindowRateLimiter limiter = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
			waits.put(wait);
			alarms.get(Thread.currentThread().getName()).acquire();
		});
		long first = limiter.acquire("a", 1, SPACING);
		ExecutorService b = Executors.newSingleThreadExecutor((task) -> new Thread(task, "B"));
		ExecutorService c = Executors.newSingleThreadExecutor((task) -> new Thread(task, "C"));
		try {
			Future<Long> callB = b.submit(() -> limiter.acquire("a", 1, SPACING));
			assertThat(waits.poll(5, TimeUnit.SECONDS)).isEqualTo(spacing);
			Future<Long> callC = c.submit(() -> limiter.acquire("a", 1, SPACING));
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
		long first = this.limiter.acquire("a", 1, SPACING);
		// the first call opened a connection: its answer came 300 ms after its start
		this.nanos.addAndGet(Duration.ofMillis(300).toNanos());
		this.limiter.finished("a", first);
		long second = this.limiter.acquire("a", 1, SPACING);
		this.nanos.addAndGet(Duration.ofMillis(300).toNanos());
		this.limiter.finished("a", second);
		long third = this.limiter.acquire("a", 1, SPACING);

		assertThat(second - first).isEqualTo(Duration.ofMillis(300).toNanos() + SPACING.toNanos());
		// the second call was warm: the third keeps the spacing from its start, as usual
		assertThat(third - second).isEqualTo(SPACING.toNanos());
	}

	@Test
	void aCallAfterAnIdlePeriodIsColdAgain() throws InterruptedException {
		this.limiter.finished("a", this.limiter.acquire("a", 1, SPACING));
		this.nanos.addAndGet(CallWindowRateLimiter.COLD_AFTER.plusSeconds(1).toNanos());
		long afterIdle = this.limiter.acquire("a", 1, SPACING);
		this.nanos.addAndGet(Duration.ofMillis(250).toNanos());
		this.limiter.finished("a", afterIdle);
		long next = this.limiter.acquire("a", 1, SPACING);

		assertThat(next - afterIdle).isEqualTo(Duration.ofMillis(250).toNanos() + SPACING.toNanos());
	}

	@Test
	void aBacklogStartsAtHalfTheSpacingUntilTheWindowHoldsItsCalls() throws InterruptedException {
		List<Long> starts = new ArrayList<>();
		for (int i = 0; i < 41; i++) {
			starts.add(this.limiter.acquire("a", 20, SPACING_20));
		}

		for (int i = 1; i < 20; i++) {
			assertThat(starts.get(i) - starts.get(i - 1)).isEqualTo(MIN_GAP_20);
		}
		assertThat(starts.get(20) - starts.get(0)).isEqualTo(WINDOW_20);
		assertThat(starts.get(40) - starts.get(20)).isEqualTo(WINDOW_20);
		assertThat(starts.get(21) - starts.get(20)).isEqualTo(MIN_GAP_20);
	}

	@Test
	void lateWakeUpsCostOneDelayPerWindowInsteadOfOnePerCall() throws InterruptedException {
		long late = Duration.ofMillis(2).toNanos();
		CallWindowRateLimiter oversleeping = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
			this.nanos.addAndGet(wait + late);
		});
		List<Long> starts = new ArrayList<>();
		for (int i = 0; i <= 100; i++) {
			starts.add(oversleeping.acquire("a", 20, SPACING_20));
		}

		// each window's first call is late only by its own wake-up: the delays of the window before are not passed on
		for (int window = 1; window <= 5; window++) {
			assertThat(starts.get(20 * window) - starts.get(20 * (window - 1))).isEqualTo(WINDOW_20 + late);
		}
		// with one call per window, as at 1 call per second, each call keeps the spacing from the late start before it
		long first = oversleeping.acquire("b", 1, SPACING_20);
		long second = oversleeping.acquire("b", 1, SPACING_20);
		assertThat(second - first).isEqualTo(SPACING_20.toNanos() + late);
	}

	@Test
	void callsAfterASlowAnswerCatchUpWithinTheWindow() throws InterruptedException {
		long first = this.limiter.acquire("a", 20, SPACING_20);
		// not cold any more: the first call's answer is in
		this.limiter.finished("a", first);
		this.nanos.addAndGet(Duration.ofMillis(80).toNanos());
		long afterSlowAnswer = this.limiter.acquire("a", 20, SPACING_20);
		this.nanos.addAndGet(Duration.ofMillis(20).toNanos());
		long afterFastAnswer = this.limiter.acquire("a", 20, SPACING_20);

		assertThat(afterSlowAnswer - first).isEqualTo(Duration.ofMillis(80).toNanos());
		// a full spacing (51 ms) after the slow call would lose the time its slow answer took; the window lets it go
		// at the minimum gap
		assertThat(afterFastAnswer - afterSlowAnswer).isEqualTo(MIN_GAP_20).isLessThan(SPACING_20.toNanos());
	}

	@Test
	void concurrentCallersThatWakeUpLateNeverExceedTheWindowOrTheMinimumGap() throws Exception {
		Random random = new Random(42);
		CallWindowRateLimiter limiter = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
			long late;
			synchronized (random) {
				late = random.nextInt(3_000_000);
			}
			this.nanos.addAndGet(wait + late);
			Thread.yield();
		});
		List<Long> starts = Collections.synchronizedList(new ArrayList<>());
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int caller = 0; caller < 4; caller++) {
				running.add(callers.submit(() -> {
					for (int i = 0; i < 75; i++) {
						long start = limiter.acquire("a", 20, SPACING_20);
						starts.add(start);
						this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
						limiter.finished("a", start);
					}
					return null;
				}));
			}
			for (Future<?> caller : running) {
				caller.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}

		List<Long> sorted = starts.stream().sorted().toList();
		assertThat(sorted).hasSize(300);
		for (int i = 1; i < sorted.size(); i++) {
			assertThat(sorted.get(i) - sorted.get(i - 1)).as("gap before start %d", i)
				.isGreaterThanOrEqualTo(MIN_GAP_20);
		}
		for (int i = 20; i < sorted.size(); i++) {
			assertThat(sorted.get(i) - sorted.get(i - 20)).as("window ending at start %d", i)
				.isGreaterThanOrEqualTo(WINDOW_20);
		}
	}

	@Test
	void theWindowAfterAColdCallCountsFromItsAnswer() throws InterruptedException {
		long cold = this.limiter.acquire("a", 20, SPACING_20);
		this.nanos.addAndGet(Duration.ofMillis(300).toNanos());
		long answered = this.nanos.get();
		this.limiter.finished("a", cold);
		List<Long> starts = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			starts.add(this.limiter.acquire("a", 20, SPACING_20));
		}

		assertThat(starts.get(0) - answered).isEqualTo(MIN_GAP_20);
		// the twentieth call after the cold one keeps the window from the cold call's answer, not from its start
		assertThat(starts.get(19) - answered).isEqualTo(WINDOW_20);
	}

	@Test
	void aCallerInterruptedWhileWaitingGivesItsSlotUp() throws InterruptedException {
		CallWindowRateLimiter interrupting = new CallWindowRateLimiter(this.nanos::get, (wait) -> {
			throw new InterruptedException("stopped");
		});
		long second = interrupting.acquire("b", 1, SPACING);
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> interrupting.acquire("b", 1, SPACING));
		this.nanos.addAndGet(SPACING.toNanos());
		long third = interrupting.acquire("b", 1, SPACING);

		// the interrupted caller's slot (one spacing after the second start) went to the next caller
		assertThat(third - second).isEqualTo(SPACING.toNanos());
	}

	@Test
	void rejectsAWindowWithoutCalls() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.acquire("a", 0, SPACING));
	}

}
