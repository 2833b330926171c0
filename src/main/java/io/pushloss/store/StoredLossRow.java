package io.pushloss.store;

import java.time.Instant;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * One row of the store of record, as read back (for the Raw sheet and for audits).
 *
 * @param vendor {@code null} for stage-level rows that cover every vendor
 */
public record StoredLossRow(long appId, LossSource source, String taskId, Instant windowStart, Instant windowEnd,
		Stage stage, EventType eventType, Vendor vendor, String errCode, long errCount, String errInfo) {
}
