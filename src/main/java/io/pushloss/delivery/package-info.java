/**
 * Delivering a week's documents: the archive ({@code delivery.archive}), then the email exactly once through the delivery ledger ({@code delivery.mail}), and the failure notice to the job's owners.
 * <p>
 * Uses: {@code analysis}, {@code report}, {@code jobdef}, {@code domain}.
 */
package io.pushloss.delivery;
