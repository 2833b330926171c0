/**
 * The Spring Batch job {@code weeklyPushLossReport}: its steps in run order, the typed run contract ({@link io.pushloss.job.WeeklyReportParameters}, {@link io.pushloss.job.RunSummary}, {@link io.pushloss.job.RunStatus}, {@link io.pushloss.job.EmailState}), the one owner of the execution-context keys ({@link io.pushloss.job.RunContext}), the runner that runs, resumes and locks a week, metrics and graceful stop.
 * <p>
 * Uses: {@code ingest}, {@code analysis}, {@code report}, {@code delivery}, {@code jobdef}, {@code domain}.
 */
package io.pushloss.job;
