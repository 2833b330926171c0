package io.pushloss.store;

import java.util.Iterator;
import java.util.List;


/**
 * The stored rows of one week for the Raw sheet: how many there are, known before any is written (the Raw sheets,
 * their tables and the Summary's row count are laid out from it), and the rows themselves, read while the workbook
 * is written so that a million rows never sit in memory.
 */
public interface RawRowSource {

	/** How many rows {@link #rows()} hands over. */
	long count();

	/**
	 * The rows in the order they appear on the Raw sheet, read as the iterator is consumed. Called once per
	 * workbook; the writer fails (and leaves no file) when the rows do not match {@link #count()}.
	 */
	Iterator<StoredLossRow> rows();

	/** A source without rows. */
	static RawRowSource empty() {
		return of(List.of());
	}

	/** A source over rows already in memory (tests, small weeks). */
	static RawRowSource of(List<StoredLossRow> rows) {
		List<StoredLossRow> copy = List.copyOf(rows);
		return new RawRowSource() {

			@Override
			public long count() {
				return copy.size();
			}

			@Override
			public Iterator<StoredLossRow> rows() {
				return copy.iterator();
			}

		};
	}

}
