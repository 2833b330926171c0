package io.pushloss.console;

import java.time.Instant;
import java.util.List;

/** Where the console records who ran, backfilled, paused or resumed what, and reads it back for the audit page. */
interface ConsoleAudit {

	/**
	 * Records an action.
	 * @param user who did it
	 * @param action what was done
	 * @param target on what ({@code demo 2026-W46}, {@code demo 2026-W40..2026-W46}, {@code demo})
	 */
	void record(String user, Action action, String target);

	/** The most recent entries, newest first. */
	List<Entry> recent(int limit);

	/** An action the console records. */
	enum Action {

		/** Run now. */
		RUN,

		/** Backfill. */
		BACKFILL,

		/** Pause a schedule. */
		PAUSE,

		/** Resume a schedule. */
		RESUME

	}

	/**
	 * One recorded action.
	 *
	 * @param at when
	 * @param user who
	 * @param action what
	 * @param target on what
	 */
	record Entry(Instant at, String user, String action, String target) {
	}

}
