package io.pushloss.domain;

import java.util.Objects;

/**
 * One flattened loss figure of a response: a count of pushes lost at a stage, for one task (or overall), one
 * vendor (or all vendors), one event type and one error code. Rows that repeat the same key in one response array
 * have already been added up.
 *
 * @param taskId the TaskID, or {@code ""} for overall statistics and for normal push
 * @param stage the stage the push was lost at
 * @param vendor the vendor, or {@code null} for a stage-level row ({@code ReadyToSendLoss},
 * {@code PostSendDeliveredLoss}) that covers every vendor
 * @param eventType offline or online, {@link EventType#UNSPECIFIED} when the response does not say
 * @param errCode the error code exactly as the API sent it (a string, may be negative like {@code "-1"})
 * @param errCount how many pushes, never negative
 * @param errInfo the most frequent description of the code, may be empty, never null
 */
public record LossRow(String taskId, Stage stage, Vendor vendor, EventType eventType, String errCode, long errCount,
		String errInfo) {

	/** The longest {@code ErrCode} the store keeps (characters). */
	public static final int MAX_ERR_CODE_LENGTH = 128;

	/** The longest {@code ErrInfo} the store keeps (characters). */
	public static final int MAX_ERR_INFO_LENGTH = 1024;

	/** The longest TaskID the store keeps (characters). */
	public static final int MAX_TASK_ID_LENGTH = 256;

	public LossRow {
		Objects.requireNonNull(taskId, "taskId");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(errCode, "errCode");
		errInfo = (errInfo != null) ? errInfo : "";
		if (errCode.length() > MAX_ERR_CODE_LENGTH) {
			throw new IllegalArgumentException("ErrCode is " + errCode.length() + " characters long, more than "
					+ MAX_ERR_CODE_LENGTH);
		}
		if (errInfo.length() > MAX_ERR_INFO_LENGTH) {
			throw new IllegalArgumentException("ErrInfo of ErrCode " + errCode + " is " + errInfo.length()
					+ " characters long, more than " + MAX_ERR_INFO_LENGTH);
		}
		if (taskId.length() > MAX_TASK_ID_LENGTH) {
			throw new IllegalArgumentException("TaskID is " + taskId.length() + " characters long, more than "
					+ MAX_TASK_ID_LENGTH);
		}
		if (errCount < 0) {
			throw new IllegalArgumentException("ErrCount " + errCount + " is negative (ErrCode " + errCode + ")");
		}
	}

	/** Whether this row comes from a per-vendor array ({@code Platform...Loss}). */
	public boolean isPlatformRow() {
		return this.vendor != null;
	}

}
