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
 * free call start, reserved under a row lock in a short transaction of its own, in the database's clock (so the
 * processes' own clocks may differ). Calls of different applications have different rows and never wait for each
 * other.
 */
@Component
public class CallSlotReservations implements SharedCallSlots {

	private static final String LOCK = "SELECT next_start_micros FROM api_call_slot WHERE limit_key = ? FOR UPDATE";

	private static final String NOW_H2 = "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000000 AS BIGINT)";

	// clock_timestamp(): the time now, not the start of the transaction
	private static final String NOW_POSTGRESQL = "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final String now;

	CallSlotReservations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StoreDatabase database) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.now = (database.kind() == StoreDatabase.Kind.POSTGRESQL) ? NOW_POSTGRESQL : NOW_H2;
	}

	@Override
	public Duration reserve(String key, Duration spacing) {
		return Duration.ofNanos(slot(key, spacing).waitMicros() * 1000);
	}

	/** Reserves the key's next slot. */
	Slot slot(String key, Duration spacing) {
		long spacingMicros = Math.max(1, spacing.toNanos() / 1000);
		while (true) {
			try {
				return this.transaction.execute((status) -> reserveIn(key, spacingMicros));
			}
			catch (DuplicateKeyException ex) {
				// another process created the key's row first: lock it on the next round
			}
		}
	}

	private Slot reserveIn(String key, long spacingMicros) {
		List<Long> next = this.jdbc.queryForList(LOCK, Long.class, key);
		long now = this.jdbc.queryForObject(this.now, Long.class);
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

	/**
	 * A reserved call start.
	 *
	 * @param startMicros when the call may start, in the database's clock (microseconds since the epoch)
	 * @param nowMicros when it was reserved, in the same clock
	 */
	record Slot(long startMicros, long nowMicros) {

		long waitMicros() {
			return Math.max(0, this.startMicros - this.nowMicros);
		}

	}

}
