package io.pushloss.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UserSigTests {

	static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	static final long SDK_APP_ID = 1400000000L;

	static final long NOW = 1_700_000_000L;

	private final UserSig signer = new UserSig(KEY, clockAt(NOW));

	@Test
	void matchesFirstNotesVectorForXiaojun() {
		assertThat(this.signer.hmac(SDK_APP_ID, "xiaojun", 1741104000L, 15552000L))
			.isEqualTo("04B/fb/eCf0aSrSLYnjDwlmSb2Ry9MBFw8HzmalW1dc=");
	}

	@Test
	void matchesSecondNotesVectorForAdministrator() {
		assertThat(this.signer.hmac(SDK_APP_ID, "administrator", 1700000000L, 86400L))
			.isEqualTo("yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
	}

	@Test
	void generatedSignatureVerifiesAndCarriesItsFields() {
		String sig = this.signer.generate(SDK_APP_ID, "administrator", 86400L);

		assertThat(this.signer.verify(sig, SDK_APP_ID, "administrator")).isEqualTo(UserSig.Verification.VALID);
		Map<String, String> fields = UserSig.decode(sig);
		assertThat(fields).containsEntry("TLS.ver", "2.0")
			.containsEntry("TLS.identifier", "administrator")
			.containsEntry("TLS.sdkappid", "1400000000")
			.containsEntry("TLS.time", Long.toString(NOW))
			.containsEntry("TLS.expire", "86400")
			.containsEntry("TLS.sig", "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
		assertThat(sig).doesNotContain("+", "/", "=");
	}

	@Test
	void signatureIsValidUntilItsLastSecondAndExpiredAfter() {
		String sig = this.signer.generate(SDK_APP_ID, "administrator", 86400L);

		assertThat(new UserSig(KEY, clockAt(NOW + 86400)).verify(sig, SDK_APP_ID, "administrator"))
			.isEqualTo(UserSig.Verification.VALID);
		UserSig.Verification later = new UserSig(KEY, clockAt(NOW + 86401)).verify(sig, SDK_APP_ID, "administrator");
		assertThat(later).isEqualTo(UserSig.Verification.EXPIRED);
		assertThat(later.errorCode()).isEqualTo(70001);
	}

	@Test
	void signatureFromAnotherKeyIsWrongKey() {
		String sig = new UserSig("another-secret-key", clockAt(NOW)).generate(SDK_APP_ID, "administrator", 86400L);

		assertThat(this.signer.verify(sig, SDK_APP_ID, "administrator")).isEqualTo(UserSig.Verification.WRONG_KEY);
	}

	@Test
	void signatureForAnotherIdentifierOrApplicationIsAMismatch() {
		String sig = this.signer.generate(SDK_APP_ID, "administrator", 86400L);

		assertThat(this.signer.verify(sig, SDK_APP_ID, "xiaojun"))
			.isEqualTo(UserSig.Verification.IDENTIFIER_MISMATCH);
		assertThat(this.signer.verify(sig, 1400000001L, "administrator"))
			.isEqualTo(UserSig.Verification.SDKAPPID_MISMATCH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not a signature!", "eJyrVkrOz0nNS0" })
	void malformedSignaturesAreReportedNotThrown(String sig) {
		assertThat(this.signer.verify(sig, SDK_APP_ID, "administrator")).isEqualTo(UserSig.Verification.MALFORMED);
	}

	@Test
	void zlibDataWithoutTheFieldsIsMalformed() {
		java.util.zip.Deflater deflater = new java.util.zip.Deflater();
		deflater.setInput("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		byte[] buffer = new byte[100];
		int n = deflater.deflate(buffer);
		String sig = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, n)).replace('+', '*')
			.replace('/', '-').replace('=', '_');

		assertThat(this.signer.verify(sig, SDK_APP_ID, "administrator")).isEqualTo(UserSig.Verification.MALFORMED);
	}

	@Test
	void truncatedSignatureIsMalformed() {
		String sig = this.signer.generate(SDK_APP_ID, "administrator", 86400L);

		assertThat(this.signer.verify(sig.substring(0, sig.length() / 2), SDK_APP_ID, "administrator"))
			.isEqualTo(UserSig.Verification.MALFORMED);
	}

	@Test
	void fingerprintAndToStringNeverShowTheKey() {
		assertThat(UserSig.fingerprint(KEY)).startsWith("sha256:").hasSize(15).isEqualTo(UserSig.fingerprint(KEY));
		assertThat(UserSig.fingerprint(KEY)).isNotEqualTo(UserSig.fingerprint(KEY + "x"));
		assertThat(this.signer.toString()).doesNotContain(KEY);
	}

	static Clock clockAt(long epochSecond) {
		return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
	}

}
