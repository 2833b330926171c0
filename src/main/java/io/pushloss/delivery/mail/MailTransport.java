package io.pushloss.delivery.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;

/**
 * Where finished messages go: an SMTP server ({@link SmtpMailTransport}) or, when no {@code spring.mail.host} is
 * configured, the outbox folder ({@link OutboxMailTransport}).
 */
public interface MailTransport {

	/** The session new messages are created in. */
	Session session();

	/**
	 * Hands one message over, once; retries are the caller's business.
	 * @throws MailException when the message could not be handed over
	 */
	void send(MimeMessage message) throws MailException;

	/**
	 * Ends any send in progress at once (closing its connection where the transport can) and refuses every later
	 * send until {@link #resume()}: for an application that is stopping while a server does not answer.
	 */
	default void abort() {
	}

	/** Sends again after {@link #abort()}. */
	default void resume() {
	}

	/** Whether {@link #abort()} was called (and not {@link #resume() resumed} since): a failure is then not retried. */
	default boolean aborted() {
		return false;
	}
	/** Whether messages leave through SMTP or stay in the outbox folder. */
	MailMode mode();

	/** Where messages go, for operator messages ("SMTP server mail.example.com:587"); never contains a secret. */
	String describe();

}
