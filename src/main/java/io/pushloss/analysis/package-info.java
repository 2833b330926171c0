/**
 * The week-over-week report: sums of exactly the planned windows, statuses, baseline, anomalies, top movers, tasks, trend, completeness, the remediation catalogue and summary.json.
 * <p>
 * Uses: {@code store}, {@code domain}.
 */
package io.pushloss.analysis;
