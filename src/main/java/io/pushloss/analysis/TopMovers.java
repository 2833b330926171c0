package io.pushloss.analysis;

import java.util.List;

/**
 * The codes with the largest absolute increase and decrease in lost pushes (not by percent).
 *
 * @param increases largest {@code delta > 0} first
 * @param decreases most negative {@code delta < 0} first
 */
public record TopMovers(List<CodeLoss> increases, List<CodeLoss> decreases) {

	public TopMovers {
		increases = List.copyOf(increases);
		decreases = List.copyOf(decreases);
	}

}
