package io.pushloss.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate of the slots shared with other processes, on a fake clock: the "database" is a map of next free starts
 * read in a clock of its own (three hours ahead of this process's), and a reservation may wait for its row lock
 * (before the database reads its clock) or come back slowly (after).
 */
class SharedSlotGateTests {

	/** The vendor's 1 call per second, as the client spaces it. */
	private static final Duration SPACING = Duration.ofMillis(1020);

	/** 5 calls per second, the benchmark's rate: k = 5 calls in any 5 x 204 ms. */
	private static final Duration SPACING_5 = Duration.ofMillis(204);

	private static final Duration MARGIN = Duration.ofMillis(25);

	private static final long TOLERANCE = MARGIN.toNanos() / 2;

	private static final String KEY = "https://vendor 1400000000 all_member_push_loss";

	private final AtomicLong nanos = new AtomicLong(7_000_000_000L);

	/** How much later than asked the sleeper returns, once per entry (a loaded machine). */
	private final List<Long> oversleeps = new ArrayList<>();

	private final FakeDatabase database = new FakeDatabase();

	private final SharedSlotGate gate = new SharedSlotGate(this.database, MARGIN, this.nanos::get, (wait) -> {
		long extra = this.oversleeps.isEmpty() ? 0 : this.oversleeps.remove(0);
		this.nanos.addAndGet(wait + extra);
	});

	@Test
	void aReservationThatWaitedForTheRowLockNeverLetsTheCallGoBeforeItsSlot() throws InterruptedException {
		for (int call = 0; call < 6; call++) {
			// another process holds the row for 100 ms before the database reads its clock
			this.database.lockWait = Duration.ofMillis(100);
			long sent = this.gate.await(KEY, SPACING, 1);

			assertThat(sent).as("call %d goes no earlier than its slot", call)
				.isGreaterThanOrEqualTo(this.database.lastSlotLocal());
			assertThat(sent - this.database.lastSlotLocal()).as("and no later than the tolerance after it")
				.isLessThanOrEqualTo(TOLERANCE);
		}
	}

	@Test
	void aSlowAnswerToTheReservationDoesNotMakeTheCallLate() throws InterruptedException {
		this.gate.await(KEY, SPACING, 1);
		this.database.answerDelay = Duration.ofMillis(300);

		long sent = this.gate.await(KEY, SPACING, 1);

		assertThat(sent).isGreaterThanOrEqualTo(this.database.lastSlotLocal());
		assertThat(sent - this.database.lastSlotLocal()).isLessThanOrEqualTo(TOLERANCE);
		assertThat(this.database.reservations).as("placed by the reservation before it, so not given up").isEqualTo(2);
	}

	@Test
	void aCallThatWakesUpLaterThanTheToleranceGivesItsSlotUpAndReservesAgain() throws InterruptedException {
		this.gate.await(KEY, SPACING, 1);
		this.oversleeps.add(Duration.ofMillis(40).toNanos());

		long sent = this.gate.await(KEY, SPACING, 1);

		assertThat(this.database.reservations).isEqualTo(3);
		assertThat(this.gate.retaken()).isEqualTo(1);
		assertThat(sent - this.database.lastSlotLocal()).as("sent in its new slot").isBetween(0L, TOLERANCE);
	}

	@Test
	void anyKPlusOneSlotsSpanTheVendorsWindowPlusTheMargin() throws InterruptedException {
		List<Long> sent = new ArrayList<>();
		sent.add(this.gate.await(KEY, SPACING_5, 5));
		for (int call = 1; call < 30; call++) {
			sent.add(this.gate.await(KEY, SPACING_5, 5));
			if (call >= 2) {
				assertThat(sent.get(call) - sent.get(call - 1)).as("warm calls: spacing + margin / k")
					.isEqualTo(SPACING_5.plus(MARGIN.dividedBy(5)).toNanos());
			}
		}
		for (int call = 5; call < sent.size(); call++) {
			assertThat(sent.get(call) - sent.get(call - 5)).as("6 starts span 5 x 204 ms + 25 ms")
				.isGreaterThanOrEqualTo(Duration.ofSeconds(1).plus(Duration.ofMillis(20)).plus(MARGIN).toNanos());
		}
	}

	@Test
	void theFirstCallHoldsItsSlotLongerBecauseItMayOpenAConnectionAfterIt() throws InterruptedException {
		long first = this.gate.await(KEY, SPACING, 1);
		long second = this.gate.await(KEY, SPACING, 1);
		long third = this.gate.await(KEY, SPACING, 1);

		assertThat(second - first).isEqualTo(SPACING.plus(MARGIN).plus(SharedSlotGate.COLD_HOLD).toNanos());
		assertThat(third - second).isEqualTo(SPACING.plus(MARGIN).toNanos());
	}

	@Test
	void aColdCallThatWarmedItsConnectionUpFirstHoldsItsSlotNoLonger() throws InterruptedException {
		List<String> warmUps = new ArrayList<>();
		long first = this.gate.await(KEY, SPACING, 1, () -> warmUps.add("warm-up"));
		long second = this.gate.await(KEY, SPACING, 1, () -> warmUps.add("warm-up"));

		assertThat(warmUps).as("only the cold call warms up").hasSize(1);
		assertThat(second - first).isEqualTo(SPACING.plus(MARGIN).toNanos());
	}

	@Test
	void aColdCallWhoseWarmUpFailedHoldsItsSlotLonger() throws InterruptedException {
		long first = this.gate.await(KEY, SPACING, 1, () -> false);
		long second = this.gate.await(KEY, SPACING, 1, () -> false);

		assertThat(second - first).isEqualTo(SPACING.plus(MARGIN).plus(SharedSlotGate.COLD_HOLD).toNanos());
	}

	@Test
	void theOtherApiOfAWarmClientIsNotCold() throws InterruptedException {
		this.gate.await(KEY, SPACING, 1);
		String other = "https://vendor 1400000000 normal_push_loss";
		long first = this.gate.await(other, SPACING, 1);
		long second = this.gate.await(other, SPACING, 1);

		assertThat(second - first).as("the connection is open: no cold hold").isEqualTo(SPACING.plus(MARGIN).toNanos());
	}

	@Test
	void withoutSharedSlotsTheGateLetsEveryCallGoAtOnce() throws InterruptedException {
		SharedSlotGate none = new SharedSlotGate(SharedCallSlots.NONE, MARGIN, this.nanos::get, (wait) -> {
			throw new AssertionError("never sleeps");
		});

		assertThat(none.await(KEY, SPACING, 1)).isEqualTo(this.nanos.get());
	}

	/**
	 * Next free starts per key, in a clock three hours ahead of the process's; each reservation may wait for the row
	 * lock before reading that clock and answer late after it, as PostgreSQL under load may.
	 */
	private final class FakeDatabase implements SharedCallSlots {

		private static final long AHEAD_MICROS = Duration.ofHours(3).toNanos() / 1000;

		private final Map<String, Long> next = new HashMap<>();

		Duration lockWait = Duration.ZERO;

		Duration answerDelay = Duration.ZERO;

		int reservations;

		private long lastStartMicros;

		@Override
		public Slot reserve(String key, Duration spacing) {
			this.reservations++;
			SharedSlotGateTests.this.nanos.addAndGet(this.lockWait.toNanos());
			long now = SharedSlotGateTests.this.nanos.get() / 1000 + AHEAD_MICROS;
			long start = Math.max(this.next.getOrDefault(key, now), now);
			this.next.put(key, start + spacing.toNanos() / 1000);
			SharedSlotGateTests.this.nanos.addAndGet(this.answerDelay.toNanos());
			this.lockWait = Duration.ZERO;
			this.answerDelay = Duration.ZERO;
			this.lastStartMicros = start;
			return new Slot(start, now);
		}

		/** The last slot's start on the process's clock. */
		long lastSlotLocal() {
			return (this.lastStartMicros - AHEAD_MICROS) * 1000;
		}

	}

}
