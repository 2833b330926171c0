/**
 * The web console and JSON API of {@code serve} (issue 16): the jobs with their schedules (pause, resume, run now,
 * backfill through the scheduler), the runs with their progress, the report library of the archive with the week's
 * figures and charts, and the audit list. Pages are server-rendered (Thymeleaf, {@code templates/console/}); assets
 * come from the jar ({@code static/assets/}, webjars).
 * <p>
 * Uses: {@code scheduling} (the served jobs, their Quartz schedules, requests), {@code runs} (run history),
 * {@code job} (the run contract), {@code jobdef}, {@code delivery} (the archive), {@code accounts} (the audit
 * trail), {@code domain}. Sign-in, roles and the security filter chains are {@code console.security}'s.
 */
package io.pushloss.console;
