package io.pushloss.simulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.domain.LossSource;

/**
 * A validated request body: {@code {"StartTime": s, "EndTime": e, "TaskID": [..]}}. Anything the vendor documents as
 * invalid is answered with 90100: not a JSON object, StartTime or EndTime missing or not an integer, a negative time,
 * {@code EndTime <= StartTime}, a span over 604800 s, more than 5 TaskIDs, a TaskID that is not a non-blank string.
 * {@code TaskID} may be left out of all_member_push_loss (overall statistics); normal_push_loss forbids a non-empty
 * one.
 */
record LossRequest(LossSource source, long startTime, long endTime, List<String> taskIds) {

	static final int INVALID_PARAMETERS = 90100;

	static final long MAX_SPAN_SECONDS = 604_800;

	static final int MAX_TASK_IDS = 5;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static LossRequest parse(LossSource source, String body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalid("the body is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw invalid("the body is not a JSON object");
		}
		long start = time(root, "StartTime");
		long end = time(root, "EndTime");
		if (end <= start) {
			throw invalid("EndTime " + end + " is not after StartTime " + start);
		}
		if (end - start > MAX_SPAN_SECONDS) {
			throw invalid("the range spans " + (end - start) + " s, at most " + MAX_SPAN_SECONDS + " s (7 days)");
		}
		return new LossRequest(source, start, end, taskIds(source, root.get("TaskID")));
	}

	private static long time(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			throw invalid(field + " is missing");
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw invalid(field + " is not an integer");
		}
		long value = node.longValue();
		if (value < 0) {
			throw invalid(field + " is negative");
		}
		return value;
	}

	private static List<String> taskIds(LossSource source, JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw invalid("TaskID is not an array");
		}
		if (source == LossSource.NORMAL && node.size() > 0) {
			throw invalid("normal_push_loss takes no TaskID");
		}
		if (node.size() > MAX_TASK_IDS) {
			throw invalid(node.size() + " TaskIDs, at most " + MAX_TASK_IDS);
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode id = node.get(i);
			if (!id.isString() || id.stringValue().isBlank()) {
				throw invalid("TaskID[" + i + "] is not a non-blank string");
			}
			ids.add(id.stringValue());
		}
		return List.copyOf(ids);
	}

	private static RejectedCallException invalid(String reason) {
		return new RejectedCallException(INVALID_PARAMETERS, "Invalid request parameters: " + reason);
	}

}
