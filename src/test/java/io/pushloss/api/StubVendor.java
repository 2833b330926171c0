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
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
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
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	static String okBody() {
		return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ReadyToSendLoss\":[{\"ErrCode\":\"-1\","
				+ "\"ErrCount\":7,\"ErrInfo\":\"Certificate id not set\"}]}";
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
