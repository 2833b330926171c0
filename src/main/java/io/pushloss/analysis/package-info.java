/**
 * The week-over-week report: sums of exactly the planned windows, statuses, baseline, anomalies, top movers, tasks, trend, completeness, the remediation catalogue and summary.json; the story every document tells ({@link io.pushloss.analysis.ReportStory}) and the reader's words in the job's language ({@link io.pushloss.analysis.ReportText} over the {@code i18n/} message bundles).
 * <p>
 * Uses: {@code store}, {@code domain}.
 */
package io.pushloss.analysis;
