/**
 * Fetching: the window plan of a report week (at most 7 days and 5 TaskIDs per call), the chunk-oriented {@code fetchLossWindows} step with its reader, processor and writer, and the API client per job (vendor or embedded simulator).
 * <p>
 * Uses: {@code api}, {@code simulator}, {@code jobdef}, {@code store}, {@code domain}.
 */
package io.pushloss.ingest;
