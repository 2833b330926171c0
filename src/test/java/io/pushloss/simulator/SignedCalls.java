package io.pushloss.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.api.UserSig;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;

/** Calls a simulator the way a client does: signed with {@link UserSig}, over java.net.http. */
final class SignedCalls {

	/** Accepts the vendor's trailing comma, nothing else. */
	static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

	static final JsonMapper STRICT = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final PushLossSimulator simulator;

	SignedCalls(PushLossSimulator simulator) {
		this.simulator = simulator;
	}

	/** A UserSig as the simulator's own settings would have it, issued now by its clock, valid a day. */
	String validSig() {
		SimulatorSettings settings = this.simulator.settings();
		return new UserSig(settings.secretKey(), settings.clock()).generate(settings.sdkAppId(),
				settings.identifier(), 86_400);
	}

	String query(long sdkAppId, String identifier, String userSig) {
		return "sdkappid=" + sdkAppId + "&identifier=" + encode(identifier) + "&usersig=" + encode(userSig)
				+ "&random=" + 12345 + "&contenttype=json";
	}

	String validQuery() {
		SimulatorSettings settings = this.simulator.settings();
		return query(settings.sdkAppId(), settings.identifier(), validSig());
	}

	HttpResponse<String> post(LossSource source, String body) {
		return post("/" + source.path(), validQuery(), body, Duration.ofSeconds(10));
	}

	HttpResponse<String> post(LossSource source, String query, String body) {
		return post("/" + source.path(), query, body, Duration.ofSeconds(10));
	}

	HttpResponse<String> post(String path, String query, String body, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + path + "?" + query))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request);
	}

	HttpResponse<String> get(LossSource source) {
		return send(HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + "/" + source.path() + "?"
				+ validQuery())).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String body(long start, long end, String... taskIds) {
		StringBuilder tasks = new StringBuilder();
		for (String id : taskIds) {
			tasks.append((tasks.length() > 0) ? "," : "").append('"').append(id).append('"');
		}
		return "{\"StartTime\":" + start + ",\"EndTime\":" + end + ",\"TaskID\":[" + tasks + "]}";
	}

	static String normalBody(long start, long end) {
		return "{\"StartTime\":" + start + ",\"EndTime\":" + end + "}";
	}

	static int errorCode(HttpResponse<String> response) {
		return LENIENT.readTree(response.body()).get("ErrorCode").intValue();
	}

	/** Sums every row of one task's four arrays by (array, EventType, PushPlatform, ErrCode). */
	static Map<String, Long> sums(JsonNode arrays) {
		Map<String, Long> sums = new HashMap<>();
		for (String array : List.of("ReadyToSendLoss", "PostSendDeliveredLoss", "PlatformReadyToSendLoss",
				"PlatformPostSendDeliveredLoss")) {
			JsonNode rows = arrays.get(array);
			for (int i = 0; i < rows.size(); i++) {
				JsonNode row = rows.get(i);
				String key = array + "|" + (row.has("EventType") ? row.get("EventType").intValue() : 0) + "|"
						+ (row.has("PushPlatform") ? row.get("PushPlatform").intValue() : "-") + "|"
						+ row.get("ErrCode").stringValue();
				sums.merge(key, row.get("ErrCount").longValue(), Long::sum);
			}
		}
		return sums;
	}

	/** The same keys for rows of {@link SyntheticLossData}. */
	static Map<String, Long> sums(List<LossRow> rows) {
		Map<String, Long> sums = new HashMap<>();
		for (LossRow row : rows) {
			String array = (row.isPlatformRow() ? "Platform" : "") + row.stage().label() + "Loss";
			String key = array + "|" + row.eventType().code() + "|"
					+ (row.isPlatformRow() ? row.vendor().code() : "-") + "|" + row.errCode();
			sums.merge(key, row.errCount(), Long::sum);
		}
		return sums;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
