package io.pushloss.store;

import java.time.Duration;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.api.SharedCallSlots;

/**
 * The vendor API's frequency limit shared by every process on this database: one row per limit key holds the next
 * free call start, in the database's clock (so the processes' own clocks may differ). Calls of different
 * applications have different rows and never wait for each other.
 * <p>
 * On PostgreSQL a reservation is one statement (an upsert that locks the key's row, reads {@code clock_timestamp()}
 * and returns the slot), so the row is locked for one statement's time; on H2 (one process per data directory) it
 * is a short transaction of its own under a row lock. Each answer carries the moment the database read its clock, so
 * the caller can place the slot on its own clock however long the reservation took.
 */
@Component
public class CallSlotReservations implements SharedCallSlots {

	private static final String LOCK = "SELECT next_start_micros FROM api_call_slot WHERE limit_key = ? FOR UPDATE";

	private static final String NOW_H2 = "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000000 AS BIGINT)";

	// clock_timestamp(): the time now, not the start of the transaction; read once, after the row lock is held
	private static final String RESERVE_POSTGRESQL = """
			WITH clock AS (SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS now_micros)
			INSERT INTO api_call_slot AS slot (limit_key, next_start_micros)
			SELECT ?, clock.now_micros + ? FROM clock
			ON CONFLICT (limit_key) DO UPDATE
			SET next_start_micros = GREATEST(slot.next_start_micros,
					CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)) + ?
			RETURNING slot.next_start_micros - ? AS start_micros,
					CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS now_micros""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final StoreDatabase.Kind kind;

	CallSlotReservations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StoreDatabase database) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.kind = database.kind();
	}

	@Override
	public Slot reserve(String key, Duration spacing) {
		long spacingMicros = Math.max(1, spacing.toNanos() / 1000);
		if (this.kind == StoreDatabase.Kind.POSTGRESQL) {
			return this.transaction.execute((status) -> this.jdbc.queryForObject(RESERVE_POSTGRESQL,
					(rs, row) -> new Slot(rs.getLong("start_micros"), rs.getLong("now_micros")), key, spacingMicros,
					spacingMicros, spacingMicros));
		}
		while (true) {
			try {
				return this.transaction.execute((status) -> reserveIn(key, spacingMicros));
			}
			catch (DuplicateKeyException ex) {
				// another caller created the key's row first: lock it on the next round
			}
		}
	}

	private Slot reserveIn(String key, long spacingMicros) {
		List<Long> next = this.jdbc.queryForList(LOCK, Long.class, key);
		long now = this.jdbc.queryForObject(NOW_H2, Long.class);
		if (next.isEmpty()) {
			this.jdbc.update("INSERT INTO api_call_slot (limit_key, next_start_micros) VALUES (?, ?)", key,
					now + spacingMicros);
			return new Slot(now, now);
		}
		long start = Math.max(next.get(0), now);
		this.jdbc.update("UPDATE api_call_slot SET next_start_micros = ? WHERE limit_key = ?", start + spacingMicros,
				key);
		return new Slot(start, now);
	}

}
