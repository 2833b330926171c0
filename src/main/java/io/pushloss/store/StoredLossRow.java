package io.pushloss.store;

import java.time.Instant;

import io.pushloss.api.EventType;
import io.pushloss.api.LossSource;
import io.pushloss.api.Stage;
import io.pushloss.api.Vendor;

/**
 * One row of the store of record, as read back (for the Raw sheet and for audits).
 *
 * @param vendor {@code null} for stage-level rows that cover every vendor
 */
public record StoredLossRow(long appId, LossSource source, String taskId, Instant windowStart, Instant windowEnd,
		Stage stage, EventType eventType, Vendor vendor, String errCode, long errCount, String errInfo) {
}
