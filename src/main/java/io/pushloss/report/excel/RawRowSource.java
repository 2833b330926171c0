package io.pushloss.report.excel;

import java.util.function.Consumer;

import io.pushloss.store.StoredLossRow;

/**
 * The stored rows of one week, pushed one at a time to a consumer so that a million rows never sit in memory
 * (for example a {@code JdbcClient} query streamed row by row).
 */
@FunctionalInterface
public interface RawRowSource {

	/** Hands every row of the week to the consumer, in the order they should appear on the Raw sheet. */
	void forEach(Consumer<StoredLossRow> consumer);

	/** A source without rows. */
	static RawRowSource empty() {
		return (consumer) -> {
		};
	}

	/** A source over rows already in memory (tests, small weeks). */
	static RawRowSource of(Iterable<StoredLossRow> rows) {
		return rows::forEach;
	}

}
