package io.pushloss.delivery.mail;

import java.util.UUID;

/**
 * Generates RFC 5322 Message-IDs such as {@code <push-loss.demo.2026-W46.3f2c...@example.com>}, unique per message
 * and readable enough to find in a mail log.
 */
final class MessageIds {

	private MessageIds() {
	}

	static String generate(String purpose, String jobName, String week, String fromAddress) {
		int at = fromAddress.lastIndexOf('@');
		String domain = (at >= 0) ? safe(fromAddress.substring(at + 1)) : "";
		return "<" + safe(purpose) + "." + safe(jobName) + "." + safe(week) + "." + UUID.randomUUID() + "@"
				+ (domain.isEmpty() ? "localhost" : domain) + ">";
	}

	private static String safe(String text) {
		String safe = text.replaceAll("[^A-Za-z0-9-]", "-");
		return (safe.length() > 60) ? safe.substring(0, 60) : safe;
	}

}
