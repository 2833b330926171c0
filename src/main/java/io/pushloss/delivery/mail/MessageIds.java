package io.pushloss.delivery.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates RFC 5322 Message-IDs such as {@code <push-loss.demo.2026-W46.3f2c...@example.com>}, unique per message
 * and readable enough to find in a mail log: at random, or, for a week's first email, derived from what makes it
 * that email.
 */
final class MessageIds {

	private MessageIds() {
	}

	static String generate(String purpose, String jobName, String week, String fromAddress) {
		return build(purpose, jobName, week, UUID.randomUUID().toString(), fromAddress);
	}

	/**
	 * The Message-ID a ledger claim commits for a week's email: {@link #ofWeek} for its first send, so that should the
	 * database lose the ledger entry in a crash (a commit acknowledged but not yet on disk) the next run sends the same
	 * Message-ID again, which mail clients drop, never a second message; a new one at random for a resend.
	 */
	static Supplier<String> forClaim(String purpose, String jobName, String week, RecipientSet recipients,
			String fromAddress, boolean resend) {
		return resend ? () -> generate(purpose, jobName, week, fromAddress)
				: () -> ofWeek(purpose, jobName, week, recipients.hash(), fromAddress);
	}

	/**
	 * The one Message-ID of a week's first email to a recipient set: the same for the same job, week, recipients
	 * and sender, so that a send repeated after its ledger entry was lost is dropped by mail clients as a copy.
	 */
	static String ofWeek(String purpose, String jobName, String week, String recipientsHash, String fromAddress) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", purpose, jobName, week, recipientsHash, fromAddress)
					.getBytes(StandardCharsets.UTF_8));
			return build(purpose, jobName, week, HexFormat.of().formatHex(digest, 0, 16), fromAddress);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static String build(String purpose, String jobName, String week, String unique, String fromAddress) {
		int at = fromAddress.lastIndexOf('@');
		String domain = (at >= 0) ? safe(fromAddress.substring(at + 1)) : "";
		return "<" + safe(purpose) + "." + safe(jobName) + "." + safe(week) + "." + unique + "@"
				+ (domain.isEmpty() ? "localhost" : domain) + ">";
	}

	private static String safe(String text) {
		String safe = text.replaceAll("[^A-Za-z0-9-]", "-");
		return (safe.length() > 60) ? safe.substring(0, 60) : safe;
	}

}
