package io.pushloss.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud Chat UserSig (TLSSigAPIv2): generation and verification with an injectable clock.
 * <p>
 * Written here rather than taken from the vendor's artifact because that one cannot verify, has no clock to
 * inject, returns {@code ""} on failure and drags in an old org.json (see {@code shared/api/NOTES.md}).
 */
public final class UserSig {

	private static final Pattern FIELD = Pattern
		.compile("\"(TLS\\.[a-z]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9]+)");

	private final String secretKey;

	private final Clock clock;

	/**
	 * @param secretKey the application's secret key (never logged)
	 * @param clock the clock that says what "now" is
	 */
	public UserSig(String secretKey, Clock clock) {
		if (secretKey == null || secretKey.isEmpty()) {
			throw new IllegalArgumentException("The secret key is empty");
		}
		this.secretKey = secretKey;
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Generates a UserSig valid for {@code expireSeconds} from now. */
	public String generate(long sdkAppId, String identifier, long expireSeconds) {
		long now = this.clock.instant().getEpochSecond();
		return generate(sdkAppId, identifier, now, expireSeconds);
	}

	/** Generates a UserSig issued at {@code time} (epoch seconds). */
	public String generate(long sdkAppId, String identifier, long time, long expireSeconds) {
		String sig = hmac(sdkAppId, identifier, time, expireSeconds);
		String json = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"" + escape(identifier) + "\",\"TLS.sdkappid\":"
				+ sdkAppId + ",\"TLS.expire\":" + expireSeconds + ",\"TLS.time\":" + time + ",\"TLS.sig\":\"" + sig
				+ "\"}";
		Deflater deflater = new Deflater();
		deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1024];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return base64UrlVariant(Base64.getEncoder().encodeToString(out.toByteArray()));
	}

	/**
	 * The {@code TLS.sig} field: standard Base64 of HMAC-SHA256 over the four {@code TLS.*} lines.
	 */
	public String hmac(long sdkAppId, String identifier, long time, long expireSeconds) {
		String content = "TLS.identifier:" + identifier + "\n" + "TLS.sdkappid:" + sdkAppId + "\n" + "TLS.time:" + time
				+ "\n" + "TLS.expire:" + expireSeconds + "\n";
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Checks a UserSig against this key, the expected application and identifier, and the clock.
	 * @return the outcome; never throws for a malformed signature
	 */
	public Verification verify(String userSig, long sdkAppId, String identifier) {
		Map<String, String> fields;
		try {
			fields = decode(userSig);
		}
		catch (RuntimeException ex) {
			return Verification.MALFORMED;
		}
		try {
			String sigIdentifier = fields.get("TLS.identifier");
			long sigAppId = Long.parseLong(fields.get("TLS.sdkappid"));
			long time = Long.parseLong(fields.get("TLS.time"));
			long expire = Long.parseLong(fields.get("TLS.expire"));
			String sig = fields.get("TLS.sig");
			if (sigIdentifier == null || sig == null) {
				return Verification.MALFORMED;
			}
			if (sigAppId != sdkAppId) {
				return Verification.SDKAPPID_MISMATCH;
			}
			if (!sigIdentifier.equals(identifier)) {
				return Verification.IDENTIFIER_MISMATCH;
			}
			String expected = hmac(sigAppId, sigIdentifier, time, expire);
			if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					sig.getBytes(StandardCharsets.US_ASCII))) {
				return Verification.WRONG_KEY;
			}
			if (this.clock.instant().getEpochSecond() > time + expire) {
				return Verification.EXPIRED;
			}
			return Verification.VALID;
		}
		catch (RuntimeException ex) {
			return Verification.MALFORMED;
		}
	}

	/**
	 * Decodes a UserSig into its {@code TLS.*} fields without checking it. Useful for the issue time and lifetime.
	 * @throws IllegalArgumentException when the text is not a UserSig
	 */
	public static Map<String, String> decode(String userSig) {
		if (userSig == null || userSig.isEmpty()) {
			throw new IllegalArgumentException("empty UserSig");
		}
		String base64 = userSig.replace('*', '+').replace('-', '/').replace('_', '=');
		byte[] compressed = Base64.getDecoder().decode(base64);
		Inflater inflater = new Inflater();
		inflater.setInput(compressed);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1024];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalArgumentException("truncated UserSig");
				}
				out.write(buffer, 0, n);
			}
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("UserSig is not zlib data", ex);
		}
		finally {
			inflater.end();
		}
		String json = out.toString(StandardCharsets.UTF_8);
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = FIELD.matcher(json);
		while (matcher.find()) {
			String value = (matcher.group(3) != null) ? unescape(matcher.group(3)) : matcher.group(2);
			fields.put(matcher.group(1), value);
		}
		return fields;
	}

	/**
	 * A short, non-reversible fingerprint of a secret (key or signature) that is safe to log.
	 */
	public static String fingerprint(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder("sha256:");
			for (int i = 0; i < 4; i++) {
				hex.append(String.format("%02x", digest[i]));
			}
			return hex.toString();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64UrlVariant(String base64) {
		return base64.replace('+', '*').replace('/', '-').replace('=', '_');
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String unescape(String text) {
		return text.replace("\\\"", "\"").replace("\\/", "/").replace("\\\\", "\\");
	}

	@Override
	public String toString() {
		return "UserSig[key=" + fingerprint(this.secretKey) + "]";
	}

	/** The outcome of {@link #verify}. Each maps to the vendor's error code for that failure. */
	public enum Verification {

		VALID(0), MALFORMED(70003), WRONG_KEY(70009), EXPIRED(70001), IDENTIFIER_MISMATCH(70013),
		SDKAPPID_MISMATCH(70014);

		private final int errorCode;

		Verification(int errorCode) {
			this.errorCode = errorCode;
		}

		/** The vendor's ErrorCode for this outcome (0 when valid). */
		public int errorCode() {
			return this.errorCode;
		}

	}

}
