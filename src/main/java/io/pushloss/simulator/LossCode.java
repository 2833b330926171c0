package io.pushloss.simulator;

import java.util.Objects;

import io.pushloss.domain.EventType;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * One kind of loss the simulator produces: a vendor's error code at a stage, for offline or online pushes.
 *
 * @param stage the stage the push is lost at
 * @param vendor the push vendor ({@link Vendor#UNKNOWN} for online pushes, as the API reports them)
 * @param eventType offline or online
 * @param errCode the code as the API sends it (a string, may be negative)
 * @param errInfo the description the API sends with the code, may be empty
 */
public record LossCode(Stage stage, Vendor vendor, EventType eventType, String errCode, String errInfo) {

	public LossCode {
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(vendor, "vendor");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(errCode, "errCode");
		Objects.requireNonNull(errInfo, "errInfo");
		if (eventType == EventType.UNSPECIFIED) {
			throw new IllegalArgumentException("A simulated loss is either offline or online");
		}
	}

	/** A stable hash of this code, independent of where it sits in any list. */
	long key() {
		return Hashing.hash(this.stage.ordinal(), this.vendor.code(), this.eventType.code(), Hashing.of(this.errCode));
	}

	@Override
	public String toString() {
		return this.vendor.displayName() + " " + this.stage.label() + " " + this.errCode
				+ (this.errInfo.isEmpty() ? "" : " (" + this.errInfo + ")");
	}

}
