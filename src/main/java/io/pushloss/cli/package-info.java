/**
 * The command line ({@code push-loss-report}): every command, its options and its output; the program's entry point, so it fronts the job, the run history, the scheduler and the developer tools ({@code simulate}, {@code usersig}).
 * <p>
 * Uses: {@code job}, {@code runs}, {@code scheduling}, {@code jobdef}, {@code ingest} (fetch progress), {@code delivery} (the mail mode), {@code simulator}, {@code api}, {@code store} (runs read directly, copy-to-postgres), {@code domain}.
 */
package io.pushloss.cli;
