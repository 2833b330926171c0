package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.util.unit.DataSize;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.TestMigrations;
import io.pushloss.analysis.SampleReports;
import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.mail.DeliveryLedger.Decision;
import io.pushloss.delivery.mail.LedgerEntry.LedgerState;
import io.pushloss.delivery.mail.MailOutcome.Status;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes (here two threads, each claiming on connections of its own) send the same week's email at the same
 * moment, the first one still talking to the SMTP server when the second claims: the second waits for the first's
 * lock and finds the email SENT. The SMTP server (GreenMail) receives one message per recipient, never two.
 */
class DeliveryLedgerConcurrencyTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final String JOB = SampleReports.JOB_NAME;

	@TempDir
	Path temp;

	@Test
	void twoSendersOnH2SendTheEmailOnce() throws Exception {
		race(TestMigrations.migratedH2(), false);
	}

	@Test
	void twoSendersOnPostgresqlSendTheEmailOnce() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			race(database.migratedDataSource(), true);
		}
	}

	@Test
	void aClaimWaitsThroughLockTimeoutsOnH2UntilTheSenderIsDone() throws Exception {
		waitThroughLockTimeouts(TestMigrations.migratedH2());
	}

	@Test
	void aClaimWaitsThroughLockTimeoutsOnPostgresqlUntilTheSenderIsDone() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			waitThroughLockTimeouts(database.migratedDataSource());
		}
	}

	/** The sender holds its claim longer than one lock timeout (2 s): the second claim keeps waiting. */
	private static void waitThroughLockTimeouts(DataSource dataSource) throws Exception {
		DeliveryLedger ledger = new DeliveryLedger(dataSource, MailTestSupport.CLOCK);
		RecipientSet recipients = RecipientSet.of(DeliveryFixtures.RECIPIENTS);
		DeliveryLedger.Claim first = ledger.claim(JOB, "2026-W46", recipients, () -> "<first@test>", false);
		CompletableFuture<Decision> second = CompletableFuture.supplyAsync(() -> {
			try (DeliveryLedger.Claim claim = ledger.claim(JOB, "2026-W46", recipients, () -> "<second@test>",
					false)) {
				return claim.decision();
			}
		});
		Thread.sleep(2500);
		assertThat(second).as("still waiting for the sender's lock").isNotDone();
		first.recordAttempt();
		first.markSent();
		assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(Decision.ALREADY_SENT);
	}

	private void race(DataSource dataSource, boolean postgresql) throws Exception {
		DeliveryLedger ledger = new DeliveryLedger(dataSource, MailTestSupport.CLOCK);
		GatedTransport transport = new GatedTransport(
				new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort())));
		ReportMailer mailer = MailTestSupport.mailer(transport, ledger,
				MailTestSupport.properties(DataSize.ofMegabytes(10)));
		JobDefinition job = DeliveryFixtures.job(JOB, this.temp.resolve("archive"), null);
		ReportDocuments documents = DeliveryFixtures.documents(this.temp.resolve("reports"), JOB, "2026-W46", 100,
				100);

		CompletableFuture<MailOutcome> first = CompletableFuture
			.supplyAsync(() -> mailer.send(job, SampleReports.typicalWeek(), documents, null, false));
		assertThat(transport.entered.await(30, TimeUnit.SECONDS)).as("the first sender reached SMTP").isTrue();
		CompletableFuture<MailOutcome> second = CompletableFuture
			.supplyAsync(() -> mailer.send(job, SampleReports.typicalWeek(), documents, null, false));
		for (int i = 0; i < 2000 && !second.isDone() && !waitingForTheClaim(dataSource, postgresql); i++) {
			Thread.sleep(5);
		}
		transport.release.countDown();

		List<MailOutcome> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
		assertThat(outcomes).extracting(MailOutcome::status).containsExactly(Status.SENT, Status.ALREADY_SENT);
		assertThat(outcomes).extracting(MailOutcome::decision).containsExactly(Decision.NEW, Decision.ALREADY_SENT);
		assertThat(greenMail.findReceivedMessages((user) -> user.getEmail().equals("ops@example.com"), (m) -> true))
			.as("messages to ops@example.com")
			.hasSize(1);
		assertThat(greenMail.getReceivedMessages()).hasSize(3); // to, cc, bcc
		assertThat(ledger.entries(JOB, "2026-W46")).singleElement().satisfies((entry) -> {
			assertThat(entry.state()).isEqualTo(LedgerState.SENT);
			assertThat(entry.attempts()).isEqualTo(1);
			assertThat(entry.messageId()).isEqualTo(outcomes.get(0).messageId());
		});
	}

	/** Whether a session waits for (or, on H2, is busy taking) the lock of a ledger entry. */
	private static boolean waitingForTheClaim(DataSource dataSource, boolean postgresql) {
		String sql = postgresql
				? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
						+ "AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'"
				: "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() "
						+ "AND EXECUTING_STATEMENT LIKE '%FOR UPDATE%'";
		return JdbcClient.create(dataSource).sql(sql).query(Long.class).single() > 0;
	}

	/** Holds the first message at the SMTP door until released; later ones pass. */
	private static final class GatedTransport implements MailTransport {

		private final MailTransport delegate;

		private final AtomicBoolean first = new AtomicBoolean(true);

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		GatedTransport(MailTransport delegate) {
			this.delegate = delegate;
		}

		@Override
		public Session session() {
			return this.delegate.session();
		}

		@Override
		public MailMode mode() {
			return this.delegate.mode();
		}

		@Override
		public void send(MimeMessage message) throws MailException {
			if (this.first.compareAndSet(true, false)) {
				this.entered.countDown();
				try {
					this.release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.delegate.send(message);
		}

		@Override
		public String describe() {
			return this.delegate.describe();
		}

	}

}
