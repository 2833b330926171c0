package io.pushloss.delivery.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A message with a Message-ID chosen before sending (the ledger's) and blind recipients that exist only on the SMTP
 * envelope. No {@code Bcc} header is ever set, so neither the SMTP data nor an outbox {@code .eml} can reveal them;
 * {@link #getAllRecipients()} adds them so that {@code Transport} and {@code JavaMailSender} deliver to them.
 */
public class EnvelopeMimeMessage extends MimeMessage {

	private final String messageId;

	private final List<InternetAddress> envelopeOnly;

	public EnvelopeMimeMessage(Session session, String messageId, List<InternetAddress> envelopeOnly) {
		super(session);
		this.messageId = Objects.requireNonNull(messageId, "messageId");
		this.envelopeOnly = List.copyOf(envelopeOnly);
	}

	/** The fixed Message-ID, {@code <...@...>}. */
	public String messageId() {
		return this.messageId;
	}

	/** Keeps the ledger's Message-ID instead of generating a new one on every {@code saveChanges()}. */
	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", this.messageId);
	}

	@Override
	public Address[] getAllRecipients() throws MessagingException {
		Address[] headerRecipients = super.getAllRecipients();
		List<Address> all = new ArrayList<>((headerRecipients != null) ? Arrays.asList(headerRecipients) : List.of());
		all.addAll(this.envelopeOnly);
		return all.isEmpty() ? null : all.toArray(new Address[0]);
	}

}
