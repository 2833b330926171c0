package io.pushloss.analysis;

import io.pushloss.api.LossSource;
import io.pushloss.api.Vendor;
import io.pushloss.week.IsoWeek;

/**
 * Lost pushes of one vendor in one week (both stages), for the trend over W and its baseline weeks.
 */
public record TrendPoint(LossSource source, Vendor vendor, IsoWeek week, long count) {
}
