package io.pushloss.store;

import java.time.Instant;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * A {@code loss_row} row as the database holds it (vendor -1 for stage-level rows, event type as its code).
 */
record StoredRow(long appId, String source, String taskId, long windowStart, long windowEnd, String stage,
		int eventType, int vendor, String errCode, long errCount, String errInfo) {

	/** The {@code vendor} column of a stage-level row that covers every vendor. */
	static final int ALL_VENDORS = -1;

	StoredLossRow toStoredLossRow() {
		return new StoredLossRow(this.appId, LossSource.valueOf(this.source), this.taskId,
				Instant.ofEpochSecond(this.windowStart), Instant.ofEpochSecond(this.windowEnd),
				Stage.valueOf(this.stage), EventType.fromCode(this.eventType),
				(this.vendor == ALL_VENDORS) ? null : Vendor.fromCode(this.vendor), this.errCode, this.errCount,
				this.errInfo);
	}

}
