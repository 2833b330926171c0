package io.pushloss.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The URL parameters every REST call carries: {@code sdkappid, identifier, usersig, random, contenttype}.
 * A missing parameter (or an undecodable query) is answered with 60002, a present but invalid one with 60025.
 */
record QueryParameters(long sdkAppId, String identifier, String userSig, long random) {

	static final int HTTP_PARSE_ERROR = 60002;

	static final int BAD_URL_PARAMETER = 60025;

	private static final long MAX_RANDOM = 4_294_967_295L;

	/** The SDKAppID exactly as the URL carries it, the rate limit's key; {@code null} when absent. */
	static String rawSdkAppId(String rawQuery) {
		try {
			return decode(rawQuery).get("sdkappid");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static QueryParameters parse(String rawQuery) {
		Map<String, String> parameters;
		try {
			parameters = decode(rawQuery);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedCallException(HTTP_PARSE_ERROR, "HTTP parse error: the URL query cannot be decoded");
		}
		for (String name : new String[] { "sdkappid", "identifier", "usersig", "random", "contenttype" }) {
			String value = parameters.get(name);
			if (value == null || value.isEmpty()) {
				throw new RejectedCallException(HTTP_PARSE_ERROR,
						"HTTP parse error: URL parameter '" + name + "' is missing");
			}
		}
		long sdkAppId = number(parameters.get("sdkappid"), "sdkappid");
		long random = number(parameters.get("random"), "random");
		if (random < 0 || random > MAX_RANDOM) {
			throw new RejectedCallException(BAD_URL_PARAMETER,
					"URL parameter 'random' must be a 32-bit unsigned integer");
		}
		if (!"json".equals(parameters.get("contenttype"))) {
			throw new RejectedCallException(BAD_URL_PARAMETER, "URL parameter 'contenttype' must be json");
		}
		return new QueryParameters(sdkAppId, parameters.get("identifier"), parameters.get("usersig"), random);
	}

	private static long number(String value, String name) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new RejectedCallException(BAD_URL_PARAMETER, "URL parameter '" + name + "' is not a number");
		}
	}

	private static Map<String, String> decode(String rawQuery) {
		Map<String, String> parameters = new HashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	/** Never prints the UserSig. */
	@Override
	public String toString() {
		return "QueryParameters[sdkappid=" + this.sdkAppId + ", identifier=" + this.identifier + "]";
	}

}
