package io.pushloss.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

/**
 * Writes response bodies the way the vendor does, quirks included: {@code "ErrorInfo": "sucess"}, ErrCode as a
 * string, all_member_push_loss rows wrapped in {@code Results} with a trailing comma closing each task's last array
 * ({@code {...},]}) and its first platform ReadyToSend row split in two rows with the same key (they add up);
 * normal_push_loss with the four arrays at top level, or inside an unnamed object as in its sample, and platform
 * rows without {@code EventType}.
 */
final class ResponseBodies {

	/** Corruptions of a successful body (fault injection). */
	enum Garble {

		NONE, WRONG_TYPE, NEGATIVE_COUNT, HUGE_COUNT, MISSING_ERROR_CODE,

		/** all_member_push_loss: the first Results entry twice. */
		REPEATED_RESULT,

		/** all_member_push_loss: no Results entry for the last asked TaskID. */
		MISSING_TASK,

		/** No PostSendDeliveredLoss array (in the first Results entry). */
		MISSING_ARRAY,

		/** all_member_push_loss: no Results at all. */
		MISSING_RESULTS

	}

	/** One entry of {@code Results}: a TaskID ({@code ""} for overall) and its rows. */
	record TaskRows(String taskId, List<LossRow> rows) {
	}

	private ResponseBodies() {
	}

	static String failure(int errorCode, String errorInfo) {
		return "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":" + errorCode + ",\"ErrorInfo\":\"" + escape(errorInfo)
				+ "\"}";
	}

	static String success(LossSource source, List<TaskRows> results, boolean unnamedObjectShape, Garble garble) {
		StringBuilder json = new StringBuilder(4096).append("{\"ActionStatus\":\"OK\",");
		if (garble != Garble.MISSING_ERROR_CODE) {
			json.append("\"ErrorCode\":0,");
		}
		json.append("\"ErrorInfo\":\"sucess\",");
		Garble rowGarble = (garble == Garble.MISSING_ERROR_CODE) ? Garble.NONE : garble;
		if (source == LossSource.ALL_MEMBER && garble == Garble.MISSING_RESULTS) {
			json.setLength(json.length() - 1);
			json.append('}');
		}
		else if (source == LossSource.ALL_MEMBER) {
			List<TaskRows> entries = new ArrayList<>(results);
			if (garble == Garble.REPEATED_RESULT) {
				entries.add(entries.get(0));
			}
			else if (garble == Garble.MISSING_TASK) {
				entries.remove(entries.size() - 1);
			}
			json.append("\"Results\":[");
			for (int i = 0; i < entries.size(); i++) {
				json.append((i > 0) ? "," : "").append("{\"TaskID\":\"").append(escape(entries.get(i).taskId()))
					.append("\",");
				arrays(json, source, entries.get(i).rows(), (i == 0) ? rowGarble : Garble.NONE);
				json.append('}');
			}
			json.append("]}");
		}
		else if (unnamedObjectShape) {
			json.append('{');
			arrays(json, source, results.get(0).rows(), rowGarble);
			json.append("}}");
		}
		else {
			arrays(json, source, results.get(0).rows(), rowGarble);
			json.append('}');
		}
		return json.toString();
	}

	private static void arrays(StringBuilder json, LossSource source, List<LossRow> rows, Garble garble) {
		boolean allMember = source == LossSource.ALL_MEMBER;
		List<String> ready = render(rows, row -> !row.isPlatformRow() && row.stage() == Stage.READY_TO_SEND, false);
		garble(ready, garble);
		List<String> post = render(rows, row -> !row.isPlatformRow() && row.stage() == Stage.POST_SEND_DELIVERED,
				false);
		List<String> platformReady = render(rows, row -> row.isPlatformRow() && row.stage() == Stage.READY_TO_SEND,
				allMember);
		List<String> platformPost = render(rows,
				row -> row.isPlatformRow() && row.stage() == Stage.POST_SEND_DELIVERED, allMember);
		json.append("\"ReadyToSendLoss\":").append(array(ready, false)).append(',');
		if (garble != Garble.MISSING_ARRAY) {
			json.append("\"PostSendDeliveredLoss\":").append(array(post, false)).append(',');
		}
		json.append("\"PlatformReadyToSendLoss\":").append(array(platformReady, false)).append(',');
		json.append("\"PlatformPostSendDeliveredLoss\":").append(array(platformPost, allMember));
	}

	private static List<String> render(List<LossRow> rows, Predicate<LossRow> filter, boolean splitFirst) {
		List<String> rendered = new ArrayList<>();
		boolean split = !splitFirst;
		for (LossRow row : rows) {
			if (!filter.test(row)) {
				continue;
			}
			if (!split && row.errCount() >= 2) {
				// The vendor repeats a key within one array (its sample has counts 3 and 1): clients must add them.
				long second = Math.max(1, row.errCount() / 4);
				rendered.add(row(row, Long.toString(row.errCount() - second)));
				rendered.add(row(row, Long.toString(second)));
				split = true;
			}
			else {
				rendered.add(row(row, Long.toString(row.errCount())));
			}
		}
		return rendered;
	}

	private static String row(LossRow row, String count) {
		StringBuilder json = new StringBuilder(96).append('{');
		if (row.isPlatformRow()) {
			if (row.eventType().code() != 0) {
				json.append("\"EventType\":").append(row.eventType().code()).append(',');
			}
			json.append("\"PushPlatform\":").append(row.vendor().code()).append(',');
		}
		return json.append("\"ErrCode\":\"").append(escape(row.errCode())).append("\",\"ErrCount\":").append(count)
			.append(",\"ErrInfo\":\"").append(escape(row.errInfo())).append("\"}").toString();
	}

	/** Corrupts the count of the first stage-level ReadyToSend row, adding one when there is none. */
	private static void garble(List<String> rendered, Garble garble) {
		String count = switch (garble) {
			case WRONG_TYPE -> "\"abc\"";
			case NEGATIVE_COUNT -> "-17";
			case HUGE_COUNT -> "18446744073709551616";
			default -> null;
		};
		if (count == null) {
			return;
		}
		String row = "{\"ErrCode\":\"-1\",\"ErrCount\":" + count + ",\"ErrInfo\":\"Certificate id not set\"}";
		if (rendered.isEmpty()) {
			rendered.add(row);
		}
		else {
			rendered.set(0, rendered.get(0).replaceFirst("\"ErrCount\":[0-9]+", "\"ErrCount\":" + count));
		}
	}

	private static String array(List<String> rendered, boolean trailingComma) {
		if (rendered.isEmpty()) {
			return "[]";
		}
		return "[" + String.join(",", rendered) + (trailingComma ? ",]" : "]");
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
