package io.pushloss.analysis;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Vendor;

/**
 * Lost pushes of one vendor in one week (both stages), for the trend over W and its baseline weeks.
 */
public record TrendPoint(LossSource source, Vendor vendor, IsoWeek week, long count) {
}
