package io.pushloss.api;

import java.util.List;
import java.util.Objects;

import io.pushloss.domain.LossRow;

/**
 * The loss rows one successful call returned, flattened.
 *
 * @param query the query that was answered
 * @param rows every row of every task in the answer, stage-level and per-vendor
 */
public record LossResponse(LossQuery query, List<LossRow> rows) {

	public LossResponse {
		Objects.requireNonNull(query, "query");
		rows = List.copyOf(rows);
	}

}
