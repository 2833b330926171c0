/**
 * {@code serve}'s scheduler: Quartz triggers per job definition (schedule and zone), misfires, resuming interrupted weeks, and the health indicators.
 * <p>
 * Uses: {@code job}, {@code runs}, {@code delivery} (the mail mode, for health), {@code jobdef}, {@code domain}.
 */
package io.pushloss.scheduling;
