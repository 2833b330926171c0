package io.pushloss.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.pushloss.api.LenientJson.JsonObject;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * Turns a response body into a {@link VendorAnswer}: tolerant of the vendor's documented defects (trailing commas,
 * the unnamed object, arrays at top level or in {@code Results}, {@code ErrCode} as a number, missing
 * {@code EventType}, duplicate rows), strict about everything else. Every contract violation names the field.
 * <p>
 * A body that is not JSON or ends early is {@link ApiErrorKind#RETRYABLE} (a network or gateway glitch); a JSON
 * body that breaks the contract is {@link ApiErrorKind#INVALID_RESPONSE}.
 * <p>
 * An answer is whole or refused: each asked TaskID (the blank one for overall statistics) appears in
 * {@code Results} exactly once, {@code Results} is present for {@code all_member_push_loss}, and the four loss
 * arrays are present for each task (an empty array is data, a missing or {@code null} one is not). An answer that is
 * not whole is {@link ApiErrorKind#RETRYABLE} ("incomplete answer"): retried, and if it persists the window fails,
 * so missing data is never read as zero loss.
 * <p>
 * A well-formed answer that belongs to another call, the overall statistics ({@code TaskID ""}, or no TaskID, in
 * {@code Results}) in the answer to a task query, is {@link ApiErrorKind#RETRYABLE} too: it is never returned as the
 * task group's rows, and asking again gets this call's own answer.
 */
final class ResponseParser {

	private static final List<LossArray> ARRAYS = List.of(new LossArray("ReadyToSendLoss", Stage.READY_TO_SEND, false),
			new LossArray("PostSendDeliveredLoss", Stage.POST_SEND_DELIVERED, false),
			new LossArray("PlatformReadyToSendLoss", Stage.READY_TO_SEND, true),
			new LossArray("PlatformPostSendDeliveredLoss", Stage.POST_SEND_DELIVERED, true));

	private final LossQuery query;

	/** Applied to every vendor text (ErrorInfo, ErrInfo) as it is read. */
	private final UnaryOperator<String> redact;

	/** Rows by key, in first-seen order; repeated keys add up. */
	private final Map<RowKey, LossRow> rows = new LinkedHashMap<>();

	/** The loss arrays present, by TaskID. */
	private final Map<String, Set<String>> arraysByTask = new HashMap<>();

	/** The index in {@code Results} of each TaskID seen there. */
	private final Map<String, Integer> resultIndexByTask = new LinkedHashMap<>();

	private boolean resultsPresent;

	private ResponseParser(LossQuery query, UnaryOperator<String> redact) {
		this.query = query;
		this.redact = redact;
	}

	/**
	 * Parses the body of an HTTP 200 answer to {@code query}.
	 * @throws PushLossApiException RETRYABLE for non-JSON or truncated bodies, INVALID_RESPONSE for contract breaks
	 */
	static VendorAnswer parse(LossQuery query, String body) {
		return parse(query, body, UnaryOperator.identity());
	}

	/**
	 * Parses the body of an HTTP 200 answer to {@code query}, passing every vendor text through {@code redact}
	 * (which removes what the vendor may echo of the UserSig, also where JSON escapes hid it from a scrub of the
	 * raw body).
	 * @throws PushLossApiException RETRYABLE for non-JSON, truncated or incomplete bodies, INVALID_RESPONSE for
	 * contract breaks
	 */
	static VendorAnswer parse(LossQuery query, String body, UnaryOperator<String> redact) {
		Object root;
		try {
			root = LenientJson.parse(body);
		}
		catch (LenientJson.SyntaxException ex) {
			String kind = ex.truncated() ? "truncated response body" : "response body";
			throw Failures.retryable(query, null, kind + " " + ex.getMessage() + snippet(body), ex);
		}
		try {
			return new ResponseParser(query, redact).answer(root);
		}
		catch (Incomplete ex) {
			throw Failures.retryable(query, null, "incomplete answer: " + ex.getMessage(), null);
		}
		catch (AnotherCallsAnswer ex) {
			// Well-formed, but not the answer to this call: asking again gets this call's own answer.
			throw Failures.retryable(query, null, "the answer belongs to another call: " + ex.getMessage(), null);
		}
		catch (JsonValues.Violation ex) {
			throw Failures.invalidResponse(query, ex.getMessage());
		}
	}

	private VendorAnswer answer(Object rootValue) {
		if (!(rootValue instanceof JsonObject root)) {
			throw new JsonValues.Violation("the body is " + JsonValues.describe(rootValue) + ", not an object");
		}
		if (root.get("ErrorCode") == null) {
			throw new JsonValues.Violation("ErrorCode is missing");
		}
		int errorCode = JsonValues.intValue(root.get("ErrorCode"), "ErrorCode");
		Object info = root.get("ErrorInfo");
		String errorInfo = this.redact
			.apply((info instanceof String text) ? text : (info == null) ? "" : JsonValues.describe(info));
		if (errorCode != 0) {
			return new VendorAnswer(errorCode, errorInfo, null);
		}
		if ("FAIL".equals(root.get("ActionStatus"))) {
			throw new JsonValues.Violation("ActionStatus is \"FAIL\" but ErrorCode is 0");
		}
		readContainer(root, "", "", true);
		checkWhole();
		return new VendorAnswer(0, errorInfo, new LossResponse(this.query, new ArrayList<>(this.rows.values())));
	}

	/** Reads the four arrays of an object, its unnamed objects and, at the top, {@code Results}. */
	private void readContainer(JsonObject object, String taskId, String path, boolean top) {
		for (LossArray array : ARRAYS) {
			Object value = object.get(array.name());
			if (value != null && value != LenientJson.NULL) {
				readArray(value, array, taskId, path + array.name());
				this.arraysByTask.computeIfAbsent(taskId, (task) -> new LinkedHashSet<>()).add(array.name());
			}
		}
		for (JsonObject unnamed : object.unnamed()) {
			readContainer(unnamed, taskId, path, top);
		}
		if (top && object.get("Results") != null && object.get("Results") != LenientJson.NULL) {
			this.resultsPresent = true;
			if (!(object.get("Results") instanceof List<?> results)) {
				throw new JsonValues.Violation(path + "Results is " + JsonValues.describe(object.get("Results"))
						+ ", not an array");
			}
			for (int i = 0; i < results.size(); i++) {
				String resultPath = path + "Results[" + i + "]";
				if (!(results.get(i) instanceof JsonObject result)) {
					throw new JsonValues.Violation(resultPath + " is " + JsonValues.describe(results.get(i)) + ", not an object");
				}
				String resultTaskId = taskIdOf(result, resultPath);
				Integer earlier = this.resultIndexByTask.putIfAbsent(resultTaskId, i);
				if (earlier != null) {
					throw new Incomplete(resultPath + ".TaskID " + shown(resultTaskId) + " repeats Results[" + earlier
							+ "]");
				}
				readContainer(result, resultTaskId, resultPath + ".", false);
			}
		}
	}

	/** Each asked TaskID exactly once (repeats are refused while reading), with its four arrays. */
	private void checkWhole() {
		List<String> asked = this.query.taskIds().isEmpty() ? List.of("") : this.query.taskIds();
		if (this.query.source() == LossSource.ALL_MEMBER && !this.resultsPresent) {
			throw new Incomplete("Results is missing");
		}
		if (this.resultsPresent) {
			List<String> missing = asked.stream().filter((task) -> !this.resultIndexByTask.containsKey(task)).toList();
			if (!missing.isEmpty()) {
				throw new Incomplete("Results lacks TaskID " + String.join(", ", missing.stream().map(ResponseParser::shown).toList())
						+ " (asked: " + asked.stream().map(ResponseParser::shown).toList() + ")");
			}
		}
		for (String task : asked) {
			Set<String> present = this.arraysByTask.getOrDefault(task, Set.of());
			List<String> missing = ARRAYS.stream().map(LossArray::name).filter((name) -> !present.contains(name)).toList();
			if (!missing.isEmpty()) {
				Integer index = this.resultIndexByTask.get(task);
				String where = (index != null) ? "Results[" + index + "] lacks " : "the answer lacks ";
				throw new Incomplete(where + String.join(", ", missing) + " (an empty array means no loss; a missing one is "
						+ "not data)");
			}
		}
	}

	private static String shown(String taskId) {
		return taskId.isEmpty() ? "\"\" (overall)" : "\"" + taskId + "\"";
	}

	private String taskIdOf(JsonObject result, String path) {
		Object value = result.get("TaskID");
		if (value == null || value == LenientJson.NULL || "".equals(value)) {
			requireOverallAsked(path + ".TaskID " + ("".equals(value) ? "is \"\"" : "is missing"));
			return "";
		}
		if (!(value instanceof String taskId)) {
			throw new JsonValues.Violation(path + ".TaskID is not a string: " + JsonValues.describe(value));
		}
		if (!taskId.isEmpty() && !this.query.taskIds().contains(taskId)) {
			throw new JsonValues.Violation(path + ".TaskID \"" + taskId + "\" was not asked for (asked: "
					+ this.query.taskIds() + ")");
		}
		return taskId;
	}

	/**
	 * Rows of the overall statistics ({@code TaskID ""}) answer an overall query only: in the answer to a task query
	 * they are another call's answer (the window's overall one), which must never reach the task group's rows.
	 */
	private void requireOverallAsked(String what) {
		if (!this.query.taskIds().isEmpty()) {
			throw new AnotherCallsAnswer(what + ": overall statistics, but this call asked for tasks "
					+ this.query.taskIds());
		}
	}

	private void readArray(Object value, LossArray array, String taskId, String path) {
		if (!(value instanceof List<?> items)) {
			throw new JsonValues.Violation(path + " is " + JsonValues.describe(value) + ", not an array");
		}
		for (int i = 0; i < items.size(); i++) {
			String rowPath = path + "[" + i + "]";
			if (!(items.get(i) instanceof JsonObject row)) {
				throw new JsonValues.Violation(rowPath + " is " + JsonValues.describe(items.get(i)) + ", not an object");
			}
			add(row, array, taskId, rowPath);
		}
	}

	private void add(JsonObject row, LossArray array, String taskId, String path) {
		String errCode = JsonValues.maxLength(JsonValues.errCode(row.get("ErrCode"), path + ".ErrCode"),
				LossRow.MAX_ERR_CODE_LENGTH, path + ".ErrCode");
		long errCount = JsonValues.count(row.get("ErrCount"), path + ".ErrCount");
		String errInfo = JsonValues.maxLength(
				this.redact.apply(JsonValues.optionalString(row.get("ErrInfo"), path + ".ErrInfo")),
				LossRow.MAX_ERR_INFO_LENGTH, path + ".ErrInfo");
		EventType eventType = eventType(row.get("EventType"), path + ".EventType");
		Vendor vendor = array.perVendor() ? vendor(row.get("PushPlatform"), path + ".PushPlatform") : null;
		RowKey key = new RowKey(taskId, array.stage(), vendor, eventType, errCode);
		LossRow previous = this.rows.get(key);
		if (previous != null) {
			try {
				errCount = Math.addExact(previous.errCount(), errCount);
			}
			catch (ArithmeticException ex) {
				throw new JsonValues.Violation(path + ".ErrCount makes the total of ErrCode \"" + errCode + "\" exceed 64 bits");
			}
			errInfo = previous.errInfo().isEmpty() ? errInfo : previous.errInfo();
		}
		this.rows.put(key, new LossRow(taskId, array.stage(), vendor, eventType, errCode, errCount, errInfo));
	}

	/** Absent (normal_push_loss in some languages) and 0 both mean "not said". */
	private static EventType eventType(Object value, String path) {
		if (value == null || value == LenientJson.NULL) {
			return EventType.UNSPECIFIED;
		}
		int code = JsonValues.intValue(value, path);
		if (code < 0 || code > 2) {
			throw new JsonValues.Violation(path + " is not 1 (offline) or 2 (online): " + code);
		}
		return EventType.fromCode(code);
	}

	private static Vendor vendor(Object value, String path) {
		if (value == null || value == LenientJson.NULL) {
			throw new JsonValues.Violation(path + " is missing");
		}
		int code = JsonValues.intValue(value, path);
		if (code < 0 || code > 8) {
			throw new JsonValues.Violation(path + " is outside 0..8: " + code);
		}
		return Vendor.fromCode(code);
	}

	private static String snippet(String body) {
		if (body == null || body.isBlank()) {
			return " (empty body)";
		}
		String start = body.strip().replaceAll("\\s+", " ");
		return " (body starts: " + ((start.length() > 80) ? start.substring(0, 80) + "..." : start) + ")";
	}

	/** The answer is valid JSON but not whole: a transient fault, retried. */
	private static final class Incomplete extends JsonValues.Violation {

		Incomplete(String message) {
			super(message);
		}

	}

	/** A well-formed answer that belongs to another call (retried, never stored). */
	private static final class AnotherCallsAnswer extends RuntimeException {

		AnotherCallsAnswer(String message) {
			super(message);
		}

	}

	private record LossArray(String name, Stage stage, boolean perVendor) {
	}

	private record RowKey(String taskId, Stage stage, Vendor vendor, EventType eventType, String errCode) {
	}

}
