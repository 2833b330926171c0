package io.pushloss.delivery.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MailSendRetryTests {

	private final Session session = Session.getInstance(new Properties());

	private final MimeMessage message = new MimeMessage(this.session);

	private final MailSendRetry retry = new MailSendRetry(MailTestSupport.FAST_RETRY);

	private final Recorder recorder = new Recorder();

	@Test
	void connectionFailuresAreRetriedUpToTheConfiguredAttempts() {
		MailSendException refused = new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect to host", new java.net.ConnectException("Connection refused")));
		ScriptedTransport transport = new ScriptedTransport(refused, refused);

		assertThatExceptionOfType(MailSendException.class)
			.isThrownBy(() -> this.retry.send(transport, this.message, this.recorder));
		assertThat(transport.sends).isEqualTo(2);
		assertThat(this.recorder.events).containsExactly("before 1", "failed 1", "before 2", "failed 2");
		assertThat(MailErrors.describe(refused)).isEqualTo("Mail server connection failed (Connection refused)");
	}

	@Test
	void aFailureFollowedBySuccessSendsOnTheSecondAttempt() {
		ScriptedTransport transport = new ScriptedTransport(new MailSendException("Mail server connection failed"));

		this.retry.send(transport, this.message, this.recorder);

		assertThat(transport.sends).isEqualTo(2);
		assertThat(this.recorder.events).containsExactly("before 1", "failed 1", "before 2");
	}

	@Test
	void rejectedLoginsAndRefusedRecipientsAreNotRetried() throws Exception {
		ScriptedTransport login = new ScriptedTransport(new MailAuthenticationException("535 authentication failed"));
		assertThatExceptionOfType(MailAuthenticationException.class)
			.isThrownBy(() -> this.retry.send(login, this.message, MailSendRetry.AttemptListener.NONE));
		assertThat(login.sends).isEqualTo(1);

		SendFailedException invalid = new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0],
				new Address[] { new InternetAddress("nobody@example.com") });
		MailSendException refused = new MailSendException(Map.of(this.message, invalid));
		ScriptedTransport recipients = new ScriptedTransport(refused);
		assertThatExceptionOfType(MailSendException.class)
			.isThrownBy(() -> this.retry.send(recipients, this.message, MailSendRetry.AttemptListener.NONE));
		assertThat(recipients.sends).isEqualTo(1);
		assertThat(MailErrors.describe(refused)).isEqualTo("Invalid Addresses");
	}

	private static final class Recorder implements MailSendRetry.AttemptListener {

		final List<String> events = new ArrayList<>();

		@Override
		public void beforeAttempt(int attempt) {
			this.events.add("before " + attempt);
		}

		@Override
		public void failed(int attempt, MailException failure) {
			this.events.add("failed " + attempt);
		}

	}

	/** Throws the given failures in turn, then accepts. */
	private final class ScriptedTransport implements MailTransport {

		private final List<MailException> failures;

		int sends;

		ScriptedTransport(MailException... failures) {
			this.failures = new ArrayList<>(List.of(failures));
		}

		@Override
		public Session session() {
			return MailSendRetryTests.this.session;
		}

		@Override
		public void send(MimeMessage message) {
			this.sends++;
			if (!this.failures.isEmpty()) {
				throw this.failures.remove(0);
			}
		}

		@Override
		public MailMode mode() {
			return MailMode.SMTP;
		}

		@Override
		public String describe() {
			return "scripted";
		}

	}

}
