package io.pushloss.delivery.mail;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.mail.MailSendException;

/**
 * Turns a mail failure into one short operator-facing line: the outer message without the nested-exception noise and
 * the root cause, e.g. {@code "Mail server connection failed (Connection refused)"}. Never a stack trace.
 */
final class MailErrors {

	private static final int MAX_LENGTH = 300;

	private MailErrors() {
	}

	static String describe(Throwable failure) {
		Throwable perMessage = firstMessageException(failure);
		if (perMessage != null) {
			return describe(perMessage);
		}
		Set<String> parts = new LinkedHashSet<>();
		parts.add(firstPart(failure));
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != failure) {
			parts.add(firstPart(root));
		}
		parts.remove("");
		String text = (parts.size() > 1) ? String.join(" (", parts) + ")" : String.join("", parts);
		if (text.isEmpty()) {
			text = failure.getClass().getSimpleName();
		}
		if (root instanceof SocketTimeoutException) {
			// a server that accepted the connection and went silent: say which bound ended the wait
			text += root.getMessage() != null && root.getMessage().contains("connect")
					? ": no connection within mail.smtp.connectiontimeout"
					: ": the server did not answer within mail.smtp.timeout";
		}
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text;
	}

	/**
	 * The failure of the (single) message when {@code JavaMailSender} reports failures per message instead of as a
	 * cause.
	 */
	static Throwable firstMessageException(Throwable failure) {
		if (failure instanceof MailSendException send && send.getCause() == null
				&& send.getMessageExceptions().length > 0) {
			return send.getMessageExceptions()[0];
		}
		return null;
	}

	/** The failure and its causes, including the per-message failures of a {@link MailSendException}. */
	static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Throwable current = failure;
		while (current != null && !chain.contains(current)) {
			chain.add(current);
			Throwable perMessage = firstMessageException(current);
			current = (perMessage != null) ? perMessage : current.getCause();
		}
		return chain;
	}

	private static String firstPart(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : "";
		int nested = message.indexOf("; nested exception");
		if (nested >= 0) {
			message = message.substring(0, nested);
		}
		int failedMessages = message.indexOf(". Failed messages:");
		if (failedMessages >= 0) {
			message = message.substring(0, failedMessages);
		}
		return message.replaceAll("[\\r\\n\\t]+", " ").trim();
	}

}
