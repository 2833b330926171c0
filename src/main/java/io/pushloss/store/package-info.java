/**
 * The store of record: every SQL statement on its tables (fetched windows, loss rows, the sums of a report's planned windows) and the embedded database (owner-only, with its generated credential). Raw rows are streamed window by window.
 * <p>
 * Uses: {@code api} (queries), {@code domain}.
 */
package io.pushloss.store;
