/**
 * Run history: past and running executions by job name and week, through indexed queries, for {@code runs}, the health endpoint and the scheduler.
 * <p>
 * Uses: {@code job}.
 */
package io.pushloss.runs;
