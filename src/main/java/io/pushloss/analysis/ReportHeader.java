package io.pushloss.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import io.pushloss.domain.IsoWeek;

/**
 * What the report is about.
 *
 * @param jobName the job's name
 * @param week the report week W
 * @param zone the job's zone
 * @param firstDay Monday of W in the zone
 * @param lastDay Sunday of W in the zone
 * @param sdkAppId the application
 * @param generatedAt when the report was computed (fixed for reproducible samples)
 * @param baselineWeeks the trailing weeks compared against, W-1 first
 * @param remediationCatalogueVersion the version of the remediation catalogue the hints come from (at least 1)
 */
public record ReportHeader(String jobName, IsoWeek week, ZoneId zone, LocalDate firstDay, LocalDate lastDay,
		long sdkAppId, Instant generatedAt, List<IsoWeek> baselineWeeks, int remediationCatalogueVersion) {

	public ReportHeader {
		Objects.requireNonNull(jobName, "jobName");
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(generatedAt, "generatedAt");
		baselineWeeks = List.copyOf(baselineWeeks);
		if (remediationCatalogueVersion < 1) {
			throw new IllegalArgumentException(
					"remediationCatalogueVersion must be at least 1, was " + remediationCatalogueVersion);
		}
	}

	/** Last week, W-1. */
	public IsoWeek previousWeek() {
		return this.week.minusWeeks(1);
	}

}
