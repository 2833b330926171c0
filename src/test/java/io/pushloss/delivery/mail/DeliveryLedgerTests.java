package io.pushloss.delivery.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.DeliveryFixtures.Database;
import io.pushloss.delivery.mail.DeliveryLedger.Claim;
import io.pushloss.delivery.mail.DeliveryLedger.Decision;
import io.pushloss.delivery.mail.LedgerEntry.LedgerState;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLedgerTests {

	private static final Instant NOW = Instant.parse("2026-11-16T01:00:00Z");

	private final Database database = DeliveryFixtures.database();

	private final DeliveryLedger ledger = new DeliveryLedger(this.database.dataSource(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final RecipientSet recipients = RecipientSet.of(DeliveryFixtures.RECIPIENTS);

	private final AtomicInteger ids = new AtomicInteger();

	private String nextId() {
		return "<id-" + this.ids.incrementAndGet() + "@test>";
	}

	/** A claim, closed at once (its decision and entry stay readable). */
	private Claim claim(String job, String week, RecipientSet recipients, boolean resend) {
		try (Claim claim = this.ledger.claim(job, week, recipients, this::nextId, resend)) {
			return claim;
		}
	}

	@Test
	void firstClaimCommitsAPendingEntryWithANewMessageId() {
		Claim claim = claim("demo", "2026-W46", this.recipients, false);

		assertThat(claim.decision()).isEqualTo(Decision.NEW);
		assertThat(claim.send()).isTrue();
		LedgerEntry entry = this.ledger.find("demo", "2026-W46", this.recipients.hash()).orElseThrow();
		assertThat(entry.state()).isEqualTo(LedgerState.PENDING);
		assertThat(entry.messageId()).isEqualTo("<id-1@test>");
		assertThat(entry.attempts()).isZero();
		assertThat(entry.recipientCount()).isEqualTo(3);
		assertThat(entry.createdAt()).isEqualTo(NOW);
		assertThat(entry.sentAt()).isNull();
	}

	@Test
	void pendingEntryIsClaimedAgainWithTheSameMessageId() {
		claim("demo", "2026-W46", this.recipients, false);

		Claim again = claim("demo", "2026-W46", this.recipients, false);

		assertThat(again.decision()).isEqualTo(Decision.RESUME_PENDING);
		assertThat(again.send()).isTrue();
		assertThat(again.entry().messageId()).isEqualTo("<id-1@test>");
	}

	@Test
	void sentEntryIsNotSentAgainUnlessResendIsAsked() {
		try (Claim first = this.ledger.claim("demo", "2026-W46", this.recipients, this::nextId, false)) {
			first.recordAttempt();
			first.markSent();
		}

		Claim rerun = claim("demo", "2026-W46", this.recipients, false);
		assertThat(rerun.decision()).isEqualTo(Decision.ALREADY_SENT);
		assertThat(rerun.send()).isFalse();
		assertThat(rerun.entry().state()).isEqualTo(LedgerState.SENT);
		assertThat(rerun.entry().attempts()).isEqualTo(1);
		assertThat(rerun.entry().sentAt()).isEqualTo(NOW);

		Claim resend = claim("demo", "2026-W46", this.recipients, true);
		assertThat(resend.decision()).isEqualTo(Decision.RESEND);
		assertThat(resend.entry().state()).isEqualTo(LedgerState.PENDING);
		assertThat(resend.entry().messageId()).isEqualTo("<id-2@test>");
		assertThat(resend.entry().attempts()).isZero();
	}

	@Test
	void otherWeeksJobsAndRecipientSetsAreSeparateEntries() {
		this.ledger.claim("demo", "2026-W46", this.recipients, this::nextId, false).markSent();
		RecipientSet more = new RecipientSet(this.recipients.to(), this.recipients.cc(),
				RecipientSet.parse(java.util.List.of("audit@example.net", "cfo@example.com")));

		assertThat(claim("demo", "2026-W47", this.recipients, false).decision()).isEqualTo(Decision.NEW);
		assertThat(claim("other", "2026-W46", this.recipients, false).decision()).isEqualTo(Decision.NEW);
		assertThat(claim("demo", "2026-W46", more, false).decision()).isEqualTo(Decision.NEW);
		assertThat(this.ledger.entries("demo", "2026-W46")).hasSize(2);
	}

	@Test
	void recipientSetHashIgnoresOrderCaseAndHeader() {
		RecipientSet shuffled = new RecipientSet(RecipientSet.parse(java.util.List.of("Audit@Example.net")),
				RecipientSet.parse(java.util.List.of("ops@example.com")),
				RecipientSet.parse(java.util.List.of("lead@example.org")));

		assertThat(shuffled.hash()).isEqualTo(this.recipients.hash()).hasSize(64);
	}

	@Test
	void pendingEntryIsCommittedEvenWhenTheCallersTransactionRollsBack() {
		// The caller's transaction is begun by another manager on the same DataSource, as a Batch step's would be.
		TransactionTemplate outer = new TransactionTemplate(
				new DataSourceTransactionManager(this.database.dataSource()));

		outer.executeWithoutResult((status) -> {
			claim("demo", "2026-W46", this.recipients, false);
			status.setRollbackOnly();
		});

		assertThat(this.ledger.find("demo", "2026-W46", this.recipients.hash())).get()
			.extracting(LedgerEntry::state)
			.isEqualTo(LedgerState.PENDING);
	}

	@Test
	void failuresAndAttemptsAreRecorded() {
		try (Claim claim = this.ledger.claim("demo", "2026-W46", this.recipients, this::nextId, false)) {
			claim.recordAttempt();
			claim.recordFailure("Mail server connection failed (Connection refused)");
			claim.recordAttempt();
			assertThat(this.ledger.find("demo", "2026-W46", this.recipients.hash()).orElseThrow().attempts())
				.as("committed when the claim is closed")
				.isZero();
		}

		LedgerEntry stored = this.ledger.find("demo", "2026-W46", this.recipients.hash()).orElseThrow();
		assertThat(stored.attempts()).isEqualTo(2);
		assertThat(stored.lastError()).isEqualTo("Mail server connection failed (Connection refused)");
		assertThat(stored.state()).isEqualTo(LedgerState.PENDING);
	}

}
