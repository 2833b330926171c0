package io.pushloss.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * The codes with the largest absolute increase and decrease in lost pushes (not by percent).
 *
 * @param increases largest {@code delta > 0} first
 * @param decreases most negative {@code delta < 0} first
 */
public record TopMovers(List<CodeLoss> increases, List<CodeLoss> decreases) {

	/** Ties of equal absolute change: larger count this week first, then source, vendor, stage and code. */
	private static final Comparator<CodeLoss> BY_ABSOLUTE_CHANGE = Comparator
		.comparingLong((CodeLoss code) -> Math.abs(code.counts().delta()))
		.reversed()
		.thenComparing(Comparator.comparingLong((CodeLoss code) -> code.counts().thisWeek()).reversed())
		.thenComparing(CodeLoss::source)
		.thenComparing(CodeLoss::vendor)
		.thenComparing(CodeLoss::stage)
		.thenComparing(CodeLoss::errCode);

	public TopMovers {
		increases = List.copyOf(increases);
		decreases = List.copyOf(decreases);
	}

	/**
	 * Ranks codes by the absolute change of lost pushes: a code going from 10 000 to 12 000 (+20%) ranks above one
	 * going from 1 to 10 (+900%).
	 * @param codes the report's code lines
	 * @param limit at most this many increases and this many decreases
	 */
	public static TopMovers of(List<CodeLoss> codes, int limit) {
		return new TopMovers(
				codes.stream().filter((code) -> code.counts().delta() > 0).sorted(BY_ABSOLUTE_CHANGE).limit(limit)
					.toList(),
				codes.stream().filter((code) -> code.counts().delta() < 0).sorted(BY_ABSOLUTE_CHANGE).limit(limit)
					.toList());
	}

}
