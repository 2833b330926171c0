package io.pushloss.delivery.mail;

/**
 * Where the emails of a process go: through an SMTP server, or into the outbox folder as {@code .eml} files (which
 * nobody receives until someone forwards them).
 */
public enum MailMode {

	/** {@code spring.mail.host} is set: messages are handed to that SMTP server. */
	SMTP,

	/** No SMTP host: messages are written to {@code <data-dir>/outbox/}; nothing leaves the host. */
	OUTBOX

}
