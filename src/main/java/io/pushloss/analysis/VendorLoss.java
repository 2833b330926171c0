package io.pushloss.analysis;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * Lost pushes of one vendor at one stage of one source.
 *
 * @param shareOfStage this week's count as a fraction of the source's stage total this week (0 when that is 0)
 */
public record VendorLoss(LossSource source, Vendor vendor, Stage stage, WeekOverWeek counts, double shareOfStage) {
}
