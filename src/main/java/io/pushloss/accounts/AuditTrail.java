package io.pushloss.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail in the database ({@code console_audit}), shared by every node: who ran, backfilled, paused or
 * resumed what, and who added, removed or changed which account; entries are only ever added.
 */
public class AuditTrail {

	/** The longest target kept; longer ones are cut. */
	static final int MAX_TARGET = 512;

	/** The most entries {@link #recent(int)} returns. */
	public static final int MAX_RECENT = 1000;

	private static final Logger logger = LoggerFactory.getLogger(AuditTrail.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/**
	 * @param dataSource the program's database, migrated to V13 at least
	 * @param clock what "now" is
	 */
	public AuditTrail(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Records an action, now.
	 * @param user who did it
	 * @param action what
	 * @param target to what
	 * @return the entry recorded
	 */
	public AuditEntry record(String user, AuditAction action, String target) {
		Objects.requireNonNull(action, "action");
		String who = cut(Objects.requireNonNull(user, "user"), 128);
		String what = cut(Objects.requireNonNull(target, "target"), MAX_TARGET);
		Instant at = this.clock.instant();
		this.jdbc.update("INSERT INTO console_audit (at, user_name, action, target) VALUES (?, ?, ?, ?)",
				OffsetDateTime.ofInstant(at, ZoneOffset.UTC), who, action.name(), what);
		logger.info("Audit: {} {} {}", who, action, what);
		return new AuditEntry(who, action, what, at);
	}

	/**
	 * The most recent entries, newest first.
	 * @param limit how many, 1 to {@link #MAX_RECENT}
	 */
	public List<AuditEntry> recent(int limit) {
		if (limit < 1 || limit > MAX_RECENT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_RECENT + ", not " + limit);
		}
		return this.jdbc.query("SELECT at, user_name, action, target FROM console_audit ORDER BY at DESC, id DESC "
				+ "FETCH FIRST " + limit + " ROWS ONLY",
				(rs, row) -> new AuditEntry(rs.getString("user_name"), AuditAction.valueOf(rs.getString("action")),
						rs.getString("target"), rs.getObject("at", OffsetDateTime.class).toInstant()));
	}

	private static String cut(String text, int max) {
		String line = text.replaceAll("[\\r\\n\\t]", " ");
		return (line.length() > max) ? line.substring(0, max - 3) + "..." : line;
	}

}
