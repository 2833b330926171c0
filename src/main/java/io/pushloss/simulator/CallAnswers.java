package io.pushloss.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The answer to a call that passed every check: its data, in the vendor's shape, or what the injected fault makes
 * of it (a FAIL answer, a non-JSON text, a truncated or corrupted body).
 */
final class CallAnswers {

	private final SyntheticLossData data;

	private final boolean unnamedObjectShape;

	CallAnswers(SyntheticLossData data, boolean unnamedObjectShape) {
		this.data = data;
		this.unnamedObjectShape = unnamedObjectShape;
	}

	/** What a gateway in front of the service answers when the service is unreachable. */
	static Answer badGateway() {
		return Answer.text(502, "text/html; charset=utf-8",
				"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
				"HTTP 502");
	}

	/**
	 * @param request the validated request
	 * @param fault the injected fault, or {@code null}
	 * @throws RejectedCallException for an injected error code
	 */
	Answer answer(LossRequest request, Fault fault) {
		if (fault != null) {
			switch (fault) {
				case ERROR_90102 -> throw injected(90102, "Internal error, please try again later.");
				case ERROR_91000 -> throw injected(91000, "Request error, please retry.");
				case ERROR_60007 -> throw injected(60007, "call frequency exceeded");
				case ERROR_90045 -> throw injected(90045,
						"The service is not enabled. Ensure the service is turned on.");
				case GARBLE_NON_JSON -> {
					return Answer.text(200, "text/plain; charset=utf-8",
							"upstream error: push statistics temporarily unavailable\n", "OK non-JSON");
				}
				default -> {
				}
			}
		}
		List<ResponseBodies.TaskRows> results = new ArrayList<>();
		List<String> taskIds = (request.taskIds().isEmpty() || fault == Fault.OVERALL_FOR_TASKS) ? List.of("")
				: request.taskIds();
		int rows = 0;
		for (String taskId : taskIds) {
			var taskRows = this.data.rows(request.source(), taskId, request.startTime(), request.endTime());
			rows += taskRows.size();
			results.add(new ResponseBodies.TaskRows(taskId, taskRows));
		}
		String body = ResponseBodies.success(request.source(), results, this.unnamedObjectShape, garble(fault));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (fault == Fault.TRUNCATED_BODY) {
			return new Answer(200, Answer.JSON, Arrays.copyOf(bytes, bytes.length / 2), "OK truncated");
		}
		return new Answer(200, Answer.JSON, bytes, "OK " + rows + " rows");
	}

	private static ResponseBodies.Garble garble(Fault fault) {
		if (fault == null) {
			return ResponseBodies.Garble.NONE;
		}
		return switch (fault) {
			case GARBLE_WRONG_TYPES -> ResponseBodies.Garble.WRONG_TYPE;
			case GARBLE_NEGATIVE_COUNT -> ResponseBodies.Garble.NEGATIVE_COUNT;
			case GARBLE_HUGE_COUNT -> ResponseBodies.Garble.HUGE_COUNT;
			case GARBLE_MISSING_ERROR_CODE -> ResponseBodies.Garble.MISSING_ERROR_CODE;
			case GARBLE_REPEATED_RESULT -> ResponseBodies.Garble.REPEATED_RESULT;
			case GARBLE_MISSING_TASK -> ResponseBodies.Garble.MISSING_TASK;
			case GARBLE_MISSING_ARRAY -> ResponseBodies.Garble.MISSING_ARRAY;
			case GARBLE_MISSING_RESULTS -> ResponseBodies.Garble.MISSING_RESULTS;
			default -> ResponseBodies.Garble.NONE;
		};
	}

	private static RejectedCallException injected(int code, String info) {
		return new RejectedCallException(code, info);
	}

}
