package io.pushloss.analysis;

import java.util.Objects;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * One source x vendor x error code x stage line of the report. Codes with 0 in both weeks are never listed.
 *
 * @param errCode the code as the API sent it
 * @param errInfo the description from the window with the largest count
 * @param status how the code moved
 * @param baseline the code's trailing baseline
 * @param anomaly whether this week's count exceeds the baseline by the configured margins
 * @param remediation what the code means and what to do
 */
public record CodeLoss(LossSource source, Vendor vendor, Stage stage, String errCode, String errInfo,
		WeekOverWeek counts, CodeStatus status, Baseline baseline, boolean anomaly, Remediation remediation) {

	public CodeLoss {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(vendor, "vendor");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(errCode, "errCode");
		errInfo = (errInfo != null) ? errInfo : "";
		Objects.requireNonNull(counts, "counts");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(remediation, "remediation");
	}

}
