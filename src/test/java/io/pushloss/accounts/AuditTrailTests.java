package io.pushloss.accounts;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.pushloss.MutableClock;
import io.pushloss.TestMigrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail keeps who did what and when, and lists the newest first. */
class AuditTrailTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-18T02:00:00Z"));

	private AuditTrail trail() {
		return new AuditTrail(TestMigrations.migratedH2(), this.clock);
	}

	@Test
	void listsTheRecordedActionsNewestFirstWithTheTimeOfTheClock() {
		AuditTrail trail = trail();
		trail.record("alice", AuditAction.RUN, "demo 2026-W46");
		this.clock.advance(Duration.ofMinutes(1));
		trail.record("alice", AuditAction.PAUSE, "demo");
		this.clock.advance(Duration.ofMinutes(1));
		trail.record("cli:root", AuditAction.USER_ADDED, "bob (viewer)");

		assertThat(trail.recent(2)).containsExactly(
				new AuditEntry("cli:root", AuditAction.USER_ADDED, "bob (viewer)",
						Instant.parse("2026-11-18T02:02:00Z")),
				new AuditEntry("alice", AuditAction.PAUSE, "demo", Instant.parse("2026-11-18T02:01:00Z")));
		assertThat(trail.recent(10)).hasSize(3).last().extracting(AuditEntry::action).isEqualTo(AuditAction.RUN);
	}

	@Test
	void keepsEachEntryOnOneLineAndCutsLongTargets() {
		AuditTrail trail = trail();

		trail.record("alice", AuditAction.BACKFILL, "demo\n2026-W40..2026-W46 " + "x".repeat(1000));

		AuditEntry entry = trail.recent(1).get(0);
		assertThat(entry.target()).startsWith("demo 2026-W40..2026-W46 ").hasSize(512).endsWith("...");
		assertThatThrownBy(() -> trail.recent(0)).isInstanceOf(IllegalArgumentException.class);
	}

}
