package io.pushloss.delivery.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.delivery.mail.LedgerEntry.LedgerState;

/**
 * The exactly-once record of weekly emails ({@code delivery_ledger}, migration V3). Every write runs in its own
 * transaction ({@code REQUIRES_NEW}) and is committed at once, even when the caller (a Batch step) holds a
 * transaction: the PENDING row must be durable before the message leaves.
 */
public class DeliveryLedger {

	// Aliased to the record components' names: DataClassRowMapper then finds each column at once (otherwise H2
	// throws, and traces, a "column not found" for every camel-case probe).
	private static final String SELECT_COLUMNS = "job_name AS \"jobName\", report_week AS \"reportWeek\", "
			+ "recipients_hash AS \"recipientsHash\", message_id AS \"messageId\", state, attempts, "
			+ "recipient_count AS \"recipientCount\", created_at AS \"createdAt\", updated_at AS \"updatedAt\", "
			+ "sent_at AS \"sentAt\", last_error AS \"lastError\"";

	private static final String COLUMNS = "job_name, report_week, recipients_hash, message_id, state, attempts, "
			+ "recipient_count, created_at, updated_at, sent_at, last_error";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public DeliveryLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The entry of a job, week and recipient set, if any. */
	public Optional<LedgerEntry> find(String jobName, String week, String recipientsHash) {
		return this.transactions.execute((status) -> this.jdbc
			.sql("SELECT " + SELECT_COLUMNS
					+ " FROM delivery_ledger WHERE job_name = ? AND report_week = ? AND recipients_hash = ?")
			.params(jobName, week, recipientsHash)
			.query(new DataClassRowMapper<>(LedgerEntry.class))
			.optional());
	}

	/** All entries of a job and week (one per recipient set ever used), oldest first. */
	public List<LedgerEntry> entries(String jobName, String week) {
		return this.transactions.execute((status) -> this.jdbc
			.sql("SELECT " + SELECT_COLUMNS
					+ " FROM delivery_ledger WHERE job_name = ? AND report_week = ? ORDER BY created_at")
			.params(jobName, week)
			.query(new DataClassRowMapper<>(LedgerEntry.class))
			.list());
	}

	/**
	 * Decides whether to send and with which Message-ID, and commits that decision before returning: no entry ->
	 * a new PENDING entry; PENDING -> the same entry again; SENT or OUTBOX -> nothing, unless {@code resend}, which
	 * turns it into PENDING with a new Message-ID.
	 */
	public Claim claim(String jobName, String week, RecipientSet recipients, Supplier<String> newMessageId,
			boolean resend) {
		String hash = recipients.hash();
		Optional<LedgerEntry> existing = find(jobName, week, hash);
		if (existing.isEmpty()) {
			try {
				OffsetDateTime now = now();
				this.transactions.executeWithoutResult((status) -> this.jdbc
					.sql("INSERT INTO delivery_ledger (" + COLUMNS
							+ ") VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, NULL, NULL)")
					.params(jobName, week, hash, newMessageId.get(), recipients.size(), now, now)
					.update());
				return new Claim(find(jobName, week, hash).orElseThrow(), Decision.NEW);
			}
			catch (DuplicateKeyException ex) {
				// Another run claimed it a moment ago: follow its entry.
				existing = find(jobName, week, hash);
			}
		}
		LedgerEntry entry = existing.orElseThrow();
		if (entry.state() == LedgerState.PENDING) {
			return new Claim(entry, Decision.RESUME_PENDING);
		}
		if (!resend) {
			return new Claim(entry, Decision.ALREADY_SENT);
		}
		this.transactions.executeWithoutResult((status) -> this.jdbc
			.sql("UPDATE delivery_ledger SET message_id = ?, state = 'PENDING', attempts = 0, sent_at = NULL, "
					+ "last_error = NULL, updated_at = ? "
					+ "WHERE job_name = ? AND report_week = ? AND recipients_hash = ?")
			.params(newMessageId.get(), now(), jobName, week, hash)
			.update());
		return new Claim(find(jobName, week, hash).orElseThrow(), Decision.RESEND);
	}

	/** Counts one SMTP attempt of an entry. */
	public void recordAttempt(LedgerEntry entry) {
		update("attempts = attempts + 1, updated_at = ?", entry, now());
	}

	/** Records why the last attempt failed (operator-facing text, cut to the column size). */
	public void recordFailure(LedgerEntry entry, String error) {
		String text = (error.length() > 1024) ? error.substring(0, 1024) : error;
		update("last_error = ?, updated_at = ?", entry, text, now());
	}

	/** Marks an entry SENT once the server accepted the message. */
	public void markSent(LedgerEntry entry) {
		OffsetDateTime now = now();
		update("state = 'SENT', sent_at = ?, updated_at = ?, last_error = NULL", entry, now, now);
	}

	/** Marks an entry OUTBOX once the message was written to the outbox folder (nothing was sent). */
	public void markWrittenToOutbox(LedgerEntry entry) {
		OffsetDateTime now = now();
		update("state = 'OUTBOX', sent_at = ?, updated_at = ?, last_error = NULL", entry, now, now);
	}

	private void update(String assignments, LedgerEntry entry, Object... values) {
		Object[] params = new Object[values.length + 4];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = entry.jobName();
		params[values.length + 1] = entry.reportWeek();
		params[values.length + 2] = entry.recipientsHash();
		params[values.length + 3] = entry.messageId();
		this.transactions.executeWithoutResult((status) -> this.jdbc
			.sql("UPDATE delivery_ledger SET " + assignments
					+ " WHERE job_name = ? AND report_week = ? AND recipients_hash = ? AND message_id = ?")
			.params(params)
			.update());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** What a run does with a job, week and recipient set. */
	public enum Decision {

		/** Never sent: a new PENDING entry was committed. */
		NEW,

		/** A previous run recorded PENDING but did not confirm sending: send again with the same Message-ID. */
		RESUME_PENDING,

		/** SENT before and a resend was asked: a new Message-ID was committed as PENDING. */
		RESEND,

		/** SENT before: send nothing. */
		ALREADY_SENT

	}

	/**
	 * @param entry the committed entry to send with
	 * @param decision why
	 */
	public record Claim(LedgerEntry entry, Decision decision) {

		/** Whether a message must be sent. */
		public boolean send() {
			return this.decision != Decision.ALREADY_SENT;
		}

	}

}
