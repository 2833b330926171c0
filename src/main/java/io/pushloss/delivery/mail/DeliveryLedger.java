package io.pushloss.delivery.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.delivery.mail.LedgerEntry.LedgerState;

/**
 * The exactly-once record of weekly emails ({@code delivery_ledger}, migration V3), safe across processes and nodes
 * sharing the database. A claim first commits the PENDING entry and its Message-ID ({@code REQUIRES_NEW}, so even
 * when the caller, a Batch step, holds a transaction), then locks the entry's row ({@code SELECT ... FOR UPDATE}) on
 * a connection of its own and holds that lock while the message is sent: a second process claiming the same email
 * waits, and then finds it SENT. When the sending process dies, its database session ends and the lock with it; the
 * entry is still PENDING, and the next claim sends it again with the same Message-ID.
 */
public class DeliveryLedger {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryLedger.class);

	// Aliased to the record components' names: DataClassRowMapper then finds each column at once (otherwise H2
	// throws, and traces, a "column not found" for every camel-case probe).
	private static final String SELECT_COLUMNS = "job_name AS \"jobName\", report_week AS \"reportWeek\", "
			+ "recipients_hash AS \"recipientsHash\", message_id AS \"messageId\", state, attempts, "
			+ "recipient_count AS \"recipientCount\", created_at AS \"createdAt\", updated_at AS \"updatedAt\", "
			+ "sent_at AS \"sentAt\", last_error AS \"lastError\"";

	private static final String COLUMNS = "job_name, report_week, recipients_hash, message_id, state, attempts, "
			+ "recipient_count, created_at, updated_at, sent_at, last_error";

	private static final String KEY = " WHERE job_name = ? AND report_week = ? AND recipients_hash = ?";

	/**
	 * How often a claim waits for a lock timeout (H2's default of 2 s, the same set on PostgreSQL) before it gives
	 * up on an email another process keeps sending: about 20 minutes, longer than a send with every retry.
	 */
	private static final int LOCK_ROUNDS = 600;

	private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2s'";

	/**
	 * PostgreSQL ends the session of a sender that stays idle this long inside its claim (a node that lost power
	 * while its TCP connection looks open), which releases the lock: longer than one SMTP attempt and its backoff.
	 */
	private static final String SENDER_IDLE_LIMIT = "SET LOCAL idle_in_transaction_session_timeout = '15min'";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public DeliveryLedger(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		// Its own transaction manager on the DataSource: REQUIRES_NEW then suspends whatever transaction the
		// calling Batch step holds on it, whichever manager began it.
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The entry of a job, week and recipient set, if any. */
	public Optional<LedgerEntry> find(String jobName, String week, String recipientsHash) {
		return this.transactions.execute((status) -> this.jdbc
			.sql("SELECT " + SELECT_COLUMNS + " FROM delivery_ledger" + KEY)
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
	 * Decides whether to send and with which Message-ID, commits that decision before returning, and holds the
	 * entry's row lock until the claim is closed: no entry -> a new PENDING entry; PENDING -> the same entry again;
	 * SENT or OUTBOX -> nothing, unless {@code resend}, which turns it into PENDING with a new Message-ID. Waits while
	 * another process holds the claim of the same email.
	 * @throws DeliveryException when another process kept the claim locked for longer than a send can take
	 */
	public Claim claim(String jobName, String week, RecipientSet recipients, Supplier<String> newMessageId,
			boolean resend) {
		String hash = recipients.hash();
		boolean inserted = false;
		if (find(jobName, week, hash).isEmpty()) {
			try {
				OffsetDateTime now = now();
				this.transactions.executeWithoutResult((status) -> this.jdbc
					.sql("INSERT INTO delivery_ledger (" + COLUMNS
							+ ") VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, NULL, NULL)")
					.params(jobName, week, hash, newMessageId.get(), recipients.size(), now, now)
					.update());
				inserted = true;
			}
			catch (DuplicateKeyException ex) {
				// Another process claimed it a moment ago: wait for its lock below.
			}
		}
		Claim claim = lock(jobName, week, hash);
		LedgerEntry entry = claim.entry;
		if (entry.state() == LedgerState.PENDING) {
			return claim.decided((inserted && entry.attempts() == 0) ? Decision.NEW : Decision.RESUME_PENDING);
		}
		if (!resend) {
			claim.close();
			return claim.decided(Decision.ALREADY_SENT);
		}
		// The new Message-ID must be durable before the message leaves: commit it, then lock the entry again.
		String messageId = newMessageId.get();
		claim.jdbc()
			.sql("UPDATE delivery_ledger SET message_id = ?, state = 'PENDING', attempts = 0, sent_at = NULL, "
					+ "last_error = NULL, updated_at = ?" + KEY)
			.params(messageId, now(), jobName, week, hash)
			.update();
		claim.close();
		Claim again = lock(jobName, week, hash);
		if (again.entry.state() != LedgerState.PENDING) {
			// another process sent (or wrote to the outbox) the new Message-ID in between
			again.close();
			return again.decided(Decision.ALREADY_SENT);
		}
		return again.decided(Decision.RESEND);
	}

	/** Opens a connection of its own, locks the entry's row in a transaction on it and reads the entry. */
	private Claim lock(String jobName, String week, String hash) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot open a connection to claim the email of job "
					+ jobName + " for " + week + ": " + ex.getMessage(), ex);
		}
		try {
			boolean postgresql = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
			connection.setAutoCommit(false);
			JdbcClient held = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			for (int round = 1;; round++) {
				try {
					if (postgresql) {
						held.sql(LOCK_TIMEOUT).update();
						held.sql(SENDER_IDLE_LIMIT).update();
					}
					LedgerEntry entry = held.sql("SELECT " + SELECT_COLUMNS + " FROM delivery_ledger" + KEY
							+ " FOR UPDATE")
						.params(jobName, week, hash)
						.query(new DataClassRowMapper<>(LedgerEntry.class))
						.single();
					return new Claim(connection, held, entry);
				}
				catch (DataAccessException ex) {
					if (!isLockTimeout(ex)) {
						throw ex;
					}
					connection.rollback();
					if (round == LOCK_ROUNDS) {
						throw new DeliveryException("The email of job " + jobName + " for " + week
								+ " is being sent by another process, which has held its delivery ledger entry "
								+ "for too long; nothing was sent", jobName, week, null, ex);
					}
					if (round == 1) {
						logger.info("The email of job {} for {} is being sent by another process: waiting", jobName,
								week);
					}
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			release(connection, false);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new DataAccessResourceFailureException("Cannot claim the email of job " + jobName + " for " + week
					+ ": " + ex.getMessage(), ex);
		}
	}

	/** A lock wait that timed out: H2's timeout (HYT00), PostgreSQL's lock_not_available (55P03). */
	private static boolean isLockTimeout(DataAccessException failure) {
		if (failure instanceof PessimisticLockingFailureException || failure instanceof QueryTimeoutException) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& ("55P03".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static void release(Connection connection, boolean commit) {
		try {
			try {
				if (commit) {
					connection.commit();
				}
				else {
					connection.rollback();
				}
			}
			finally {
				connection.setAutoCommit(true);
				connection.close();
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot release the claim of an email: " + ex.getMessage(),
					ex);
		}
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
	 * A claimed email: the committed entry to send with, why, and (while it must be sent) the lock on its row,
	 * held until {@link #close()}. Attempts, failures and SENT are written under that lock and committed when the
	 * claim is closed ({@link #markSent()} commits at once). Not thread-safe: one sender uses it.
	 */
	public final class Claim implements AutoCloseable {

		private Connection connection;

		private final JdbcClient held;

		private final LedgerEntry entry;

		private Decision decision;

		private Claim(Connection connection, JdbcClient held, LedgerEntry entry) {
			this.connection = connection;
			this.held = held;
			this.entry = entry;
		}

		private Claim decided(Decision why) {
			this.decision = why;
			return this;
		}

		private JdbcClient jdbc() {
			return this.held;
		}

		/** The committed entry to send with. */
		public LedgerEntry entry() {
			return this.entry;
		}

		/** Why. */
		public Decision decision() {
			return this.decision;
		}

		/** Whether a message must be sent. */
		public boolean send() {
			return this.decision != Decision.ALREADY_SENT;
		}

		/** Counts one SMTP attempt. */
		public void recordAttempt() {
			update("attempts = attempts + 1, updated_at = ?", now());
		}

		/** Records why the last attempt failed (operator-facing text, cut to the column size). */
		public void recordFailure(String error) {
			String text = (error.length() > 1024) ? error.substring(0, 1024) : error;
			update("last_error = ?, updated_at = ?", text, now());
		}

		/** Marks the entry SENT once the server accepted the message, and commits. */
		public void markSent() {
			OffsetDateTime now = now();
			update("state = 'SENT', sent_at = ?, updated_at = ?, last_error = NULL", now, now);
			close();
		}

		/** Marks the entry OUTBOX once the message was written to the outbox folder (nothing was sent), and commits. */
		public void markWrittenToOutbox() {
			OffsetDateTime now = now();
			update("state = 'OUTBOX', sent_at = ?, updated_at = ?, last_error = NULL", now, now);
			close();
		}

		/** Commits what was recorded and releases the lock (the entry stays PENDING unless marked SENT). */
		@Override
		public void close() {
			if (this.connection != null) {
				Connection open = this.connection;
				this.connection = null;
				release(open, true);
			}
		}

		private void update(String assignments, Object... values) {
			if (this.connection == null) {
				throw new IllegalStateException("The claim of the email of job " + this.entry.jobName() + " for "
						+ this.entry.reportWeek() + " was closed already");
			}
			Object[] params = new Object[values.length + 4];
			System.arraycopy(values, 0, params, 0, values.length);
			params[values.length] = this.entry.jobName();
			params[values.length + 1] = this.entry.reportWeek();
			params[values.length + 2] = this.entry.recipientsHash();
			params[values.length + 3] = this.entry.messageId();
			this.held.sql("UPDATE delivery_ledger SET " + assignments + KEY + " AND message_id = ?")
				.params(params)
				.update();
		}

	}

}
