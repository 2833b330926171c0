package io.pushloss.bench;

import java.util.Objects;

/**
 * One measured figure of the benchmark.
 *
 * @param id a stable key for the JSON output, {@code section.name}
 * @param section the benchmark section (1 to 8) it belongs to
 * @param label what it is, as shown in the table
 * @param value the figure
 * @param unit its unit ({@code ratio}, {@code calls}, {@code ms}, {@code MB}, ...)
 * @param goal the goal in words ({@code >= 0.97}), {@code null} for a figure without one
 * @param met whether the goal is met, {@code null} without a goal
 * @param note how it was measured or why the goal is missed; may be {@code null}
 */
record Figure(String id, String section, String label, double value, String unit, String goal, Boolean met,
		String note) {

	Figure {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(section, "section");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(unit, "unit");
	}

	/** A figure with a goal of at least {@code min}. */
	static Figure atLeast(String id, String section, String label, double value, String unit, double min,
			String note) {
		return new Figure(id, section, label, value, unit, ">= " + Numbers.format(min), value >= min, note);
	}

	/** A figure with a goal of at most {@code max}. */
	static Figure atMost(String id, String section, String label, double value, String unit, double max,
			String note) {
		return new Figure(id, section, label, value, unit, "<= " + Numbers.format(max), value <= max, note);
	}

	/** A figure that should be exactly {@code expected}. */
	static Figure exactly(String id, String section, String label, double value, String unit, double expected,
			String note) {
		return new Figure(id, section, label, value, unit, "= " + Numbers.format(expected), value == expected, note);
	}

	/** A figure without a goal. */
	static Figure info(String id, String section, String label, double value, String unit, String note) {
		return new Figure(id, section, label, value, unit, null, null, note);
	}

	/** The value as shown in the table. */
	String shown() {
		return Numbers.format(this.value, this.unit);
	}

}
