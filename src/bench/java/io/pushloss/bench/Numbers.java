package io.pushloss.bench;

import java.util.Locale;

/** Number formatting shared by the table and the goals. */
final class Numbers {

	private Numbers() {
	}

	/** Integers with thousands separators, fractions with up to three significant decimals. */
	static String format(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return String.valueOf(value);
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.1f", value);
		}
		if (Math.abs(value) >= 0.1) {
			return String.format(Locale.ROOT, "%.3f", value);
		}
		return String.format(Locale.ROOT, "%.4f", value);
	}

	/** A figure as shown in the table: megabytes and seconds with fixed decimals, ratios with three or four. */
	static String format(double value, String unit) {
		return switch (unit) {
			case "MB" -> String.format(Locale.ROOT, "%,.1f", value);
			case "s" -> String.format(Locale.ROOT, "%,.2f", value);
			case "ratio" -> String.format(Locale.ROOT, (Math.abs(value) < 0.1) ? "%.4f" : "%.3f", value);
			default -> format(value);
		};
	}

	/** Rounds to {@code digits} decimals (for figures in JSON). */
	static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	static double millis(long nanos) {
		return nanos / 1e6;
	}

	static double megabytes(long bytes) {
		return round(bytes / (1024.0 * 1024.0), 1);
	}

}
