package io.pushloss.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted stand-in for the vendor on a loopback port: answers each request with the next scripted reply (or the
 * fallback) and records what it received. Not a simulator: it knows nothing about the API.
 */
final class StubVendor implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();

	private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

	private final LongSupplier ticker;

	private volatile Reply fallback = Reply.ok(okBody());

	StubVendor(LongSupplier ticker) throws IOException {
		this.ticker = ticker;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	StubVendor reply(Reply... next) {
		this.replies.addAll(List.of(next));
		return this;
	}

	StubVendor otherwise(Reply reply) {
		this.fallback = reply;
		return this;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				params(exchange.getRequestURI().getRawQuery()), body,
				exchange.getRequestHeaders().getFirst("Content-Type"), this.ticker.getAsLong()));
		Reply reply = this.replies.isEmpty() ? this.fallback : this.replies.poll();
		String text = reply.body().equals(OK) ? okBodyFor(exchange.getRequestURI().getPath(), body) : reply.body();
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		// A stalled body promises more bytes than it sends; the connection stays open.
		exchange.sendResponseHeaders(reply.status(), reply.stall() ? bytes.length + 100 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// expected for a stalled body
		}
	}

	private static Map<String, String> params(String rawQuery) {
		Map<String, String> params = new LinkedHashMap<>();
		if (rawQuery == null) {
			return params; // a request without parameters (the client's warm-up of its connection)
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	/** Stands for a whole successful answer to the request it answers (see {@link #okBodyFor}). */
	private static final String OK = "<a whole answer>";

	static String okBody() {
		return OK;
	}

	/**
	 * A whole successful answer: one stage-level row at top level and the four arrays (empty) in a {@code Results}
	 * entry for each asked TaskID ({@code ""} for overall); for normal_push_loss the four arrays at top level.
	 */
	private static String okBodyFor(String path, String requestBody) {
		String row = "[{\"ErrCode\":\"-1\",\"ErrCount\":7,\"ErrInfo\":\"Certificate id not set\"}]";
		String head = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ReadyToSendLoss\":" + row;
		String empty = "\"PostSendDeliveredLoss\":[],\"PlatformReadyToSendLoss\":[],\"PlatformPostSendDeliveredLoss\":[]";
		if (!path.endsWith("all_member_push_loss")) {
			return head + "," + empty + "}";
		}
		List<String> taskIds = new ArrayList<>();
		java.util.regex.Matcher list = java.util.regex.Pattern.compile("\"TaskID\":\\[([^\\]]*)\\]").matcher(requestBody);
		if (list.find()) {
			java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(list.group(1));
			while (id.find()) {
				taskIds.add(id.group(1));
			}
		}
		if (taskIds.isEmpty()) {
			taskIds.add("");
		}
		List<String> results = new ArrayList<>();
		for (String taskId : taskIds) {
			results.add("{\"TaskID\":\"" + taskId + "\",\"ReadyToSendLoss\":[]," + empty + "}");
		}
		return head + ",\"Results\":[" + String.join(",", results) + "]}";
	}

	static Reply error(int code, String info) {
		return Reply.ok("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":" + code + ",\"ErrorInfo\":\"" + info + "\"}");
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Reply(int status, String body, boolean stall) {

		static Reply ok(String body) {
			return new Reply(200, body, false);
		}

		static Reply status(int status) {
			return new Reply(status, "<html>" + status + "</html>", false);
		}

		static Reply stalledBody() {
			return new Reply(200, okBody(), true);
		}

	}

	record Received(String method, String path, Map<String, String> params, String body, String contentType,
			long tick) {
	}

}
