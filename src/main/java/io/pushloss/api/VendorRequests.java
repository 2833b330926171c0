package io.pushloss.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import io.pushloss.domain.LossSource;

/**
 * The wire form of a call: the signed URL and the JSON body.
 */
final class VendorRequests {

	private VendorRequests() {
	}

	/**
	 * {@code {baseUrl}/v4/timpush/{api}?sdkappid=..&identifier=..&usersig=..&random=..&contenttype=json}. Contains
	 * the UserSig: log it only through {@link Failures#scrub}.
	 */
	static String url(ApiClientSettings settings, LossQuery query, String userSig, long random) {
		if (random < 0 || random > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException("random must be an unsigned 32-bit number, got " + random);
		}
		return settings.baseUrl() + "/" + query.source().path() + "?sdkappid=" + settings.sdkAppId() + "&identifier="
				+ encode(settings.identifier()) + "&usersig=" + encode(userSig) + "&random=" + random
				+ "&contenttype=json";
	}

	static HttpRequest post(String url, LossQuery query, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body(query), StandardCharsets.UTF_8))
			.build();
	}

	/** {@code {"StartTime":..,"EndTime":..}} plus {@code "TaskID":[..]} (empty for overall) for push-to-all. */
	static String body(LossQuery query) {
		String times = "{\"StartTime\":" + query.startTime() + ",\"EndTime\":" + query.endTime();
		if (query.source() != LossSource.ALL_MEMBER) {
			return times + "}";
		}
		return times + ",\"TaskID\":["
				+ query.taskIds().stream().map(VendorRequests::jsonString).collect(Collectors.joining(",")) + "]}";
	}

	private static String jsonString(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
