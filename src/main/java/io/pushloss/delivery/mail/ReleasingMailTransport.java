package io.pushloss.delivery.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;

/**
 * A transport that, after each message it hands over successfully, sends the {@link HeldNotices held failure
 * notices} through the same transport: mail works again, so the owners are told what they missed. A failure of a
 * held notice never fails the message that was just sent.
 */
public class ReleasingMailTransport implements MailTransport {

	private final MailTransport delegate;

	private final HeldNotices held;

	/**
	 * @param delegate the transport that sends
	 * @param held the notices to send after each successful send
	 */
	public ReleasingMailTransport(MailTransport delegate, HeldNotices held) {
		this.delegate = delegate;
		this.held = held;
	}

	/** The held notices this transport releases. */
	public HeldNotices held() {
		return this.held;
	}

	@Override
	public Session session() {
		return this.delegate.session();
	}

	@Override
	public void send(MimeMessage message) throws MailException {
		this.delegate.send(message);
		this.held.release(this.delegate);
	}

	@Override
	public void abort() {
		this.delegate.abort();
	}

	@Override
	public void resume() {
		this.delegate.resume();
	}

	@Override
	public boolean aborted() {
		return this.delegate.aborted();
	}

	@Override
	public MailMode mode() {
		return this.delegate.mode();
	}

	@Override
	public String describe() {
		return this.delegate.describe();
	}

}
