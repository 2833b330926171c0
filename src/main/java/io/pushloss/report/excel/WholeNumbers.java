package io.pushloss.report.excel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Counts are whole numbers everywhere: a mean of lost pushes (a baseline of 1,278.5) is shown rounded half up
 * (1,279).
 */
final class WholeNumbers {

	private WholeNumbers() {
	}

	static long round(double value) {
		return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

}
