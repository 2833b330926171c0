package io.pushloss.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
 * @param displayName the report's human title (the job's {@code display-name}, else its name)
 * @param locale the language of the report's documents (the job's {@code locale}, English by default); an email
 * to a recipient group is written in the group's language instead
 */
public record ReportHeader(String jobName, IsoWeek week, ZoneId zone, LocalDate firstDay, LocalDate lastDay,
		long sdkAppId, Instant generatedAt, List<IsoWeek> baselineWeeks, int remediationCatalogueVersion,
		String displayName, Locale locale) {

	public ReportHeader {
		Objects.requireNonNull(jobName, "jobName");
		displayName = (displayName == null || displayName.isBlank()) ? jobName : displayName;
		locale = (locale != null) ? locale : Locale.ENGLISH;
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(generatedAt, "generatedAt");
		baselineWeeks = List.copyOf(baselineWeeks);
		if (remediationCatalogueVersion < 1) {
			throw new IllegalArgumentException(
					"remediationCatalogueVersion must be at least 1, was " + remediationCatalogueVersion);
		}
	}

	/** A header in English titled by the job's name. */
	public ReportHeader(String jobName, IsoWeek week, ZoneId zone, LocalDate firstDay, LocalDate lastDay,
			long sdkAppId, Instant generatedAt, List<IsoWeek> baselineWeeks, int remediationCatalogueVersion) {
		this(jobName, week, zone, firstDay, lastDay, sdkAppId, generatedAt, baselineWeeks, remediationCatalogueVersion,
				null, null);
	}

	/** The same header in another language (an email to a recipient group). */
	public ReportHeader withLocale(Locale other) {
		return new ReportHeader(this.jobName, this.week, this.zone, this.firstDay, this.lastDay, this.sdkAppId,
				this.generatedAt, this.baselineWeeks, this.remediationCatalogueVersion, this.displayName, other);
	}

	/** Last week, W-1. */
	public IsoWeek previousWeek() {
		return this.week.minusWeeks(1);
	}

}
