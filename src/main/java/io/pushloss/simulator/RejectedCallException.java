package io.pushloss.simulator;

/**
 * A call the simulated service refuses, with the vendor's ErrorCode and ErrorInfo it answers with (HTTP 200,
 * {@code ActionStatus FAIL}). Flow control inside the simulator, never thrown to its users.
 */
final class RejectedCallException extends RuntimeException {

	private final int errorCode;

	RejectedCallException(int errorCode, String errorInfo) {
		super(errorInfo, null, false, false);
		this.errorCode = errorCode;
	}

	int errorCode() {
		return this.errorCode;
	}

	String errorInfo() {
		return getMessage();
	}

}
