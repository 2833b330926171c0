package io.pushloss.simulator;

import java.nio.charset.StandardCharsets;

/**
 * What the simulator sends back for one call, and a short outcome for its log line.
 */
record Answer(int status, String contentType, byte[] body, String outcome) {

	static final String JSON = "application/json; charset=utf-8";

	static Answer json(String body, String outcome) {
		return new Answer(200, JSON, body.getBytes(StandardCharsets.UTF_8), outcome);
	}

	static Answer rejected(RejectedCallException rejection) {
		return json(ResponseBodies.failure(rejection.errorCode(), rejection.errorInfo()),
				"FAIL " + rejection.errorCode());
	}

	static Answer text(int status, String contentType, String body, String outcome) {
		return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), outcome);
	}

}
