package io.pushloss.delivery.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every SMTP wait is bounded: default connect, read and write timeouts that {@code spring.mail.properties.*}
 * overrides, and an abort that ends a send blocked on a server that accepted the connection and never greets.
 */
class SmtpMailTransportTests {

	/** Accepts connections and never says a word. */
	private ServerSocket silent;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startSilentServer() throws IOException {
		this.silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.silent.isClosed()) {
				try {
					this.accepted.add(this.silent.accept());
				}
				catch (IOException ex) {
					// closed
				}
			}
		}, "silent-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterEach
	void stopSilentServer() throws IOException {
		this.silent.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void setsConnectReadAndWriteTimeoutsUnlessTheConfigurationDoes() {
		Properties configured = new Properties();
		configured.setProperty("mail.smtp.timeout", "1234");

		Properties effective = SmtpMailTransport.withDefaults(configured, new SmtpMailTransport.TrackedSockets());

		assertThat(effective).containsEntry("mail.smtp.timeout", "1234")
			.containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "30000")
			.containsEntry("mail.smtps.connectiontimeout", "10000")
			.containsEntry("mail.smtps.timeout", "30000")
			.containsEntry("mail.smtps.writetimeout", "30000");
		assertThat(effective.get("mail.smtp.socketFactory")).isInstanceOf(SmtpMailTransport.TrackedSockets.class);
		assertThat(configured).as("the configuration itself is left alone").hasSize(1);
	}

	@Test
	void theSessionOfASpringMailSenderGetsTheDefaults() {
		SmtpMailTransport transport = new SmtpMailTransport(sender(new Properties()));

		assertThat(transport.session().getProperty("mail.smtp.timeout")).isEqualTo("30000");
		assertThat(transport.session().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aServerThatNeverGreetsEndsTheSendWithinTheReadTimeout() {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.timeout", "300");
		SmtpMailTransport transport = new SmtpMailTransport(sender(properties));

		assertThatExceptionOfType(MailException.class).isThrownBy(() -> transport.send(message(transport)));
		assertThat(this.accepted).isNotEmpty();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void abortEndsASendBlockedOnAServerThatNeverGreetsAndRefusesLaterOnesUntilResumed() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.timeout", "600000"); // only the abort can end this send in time
		SmtpMailTransport transport = new SmtpMailTransport(sender(properties));
		MimeMessage message = message(transport);
		CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> transport.send(message));
		Awaitility.await().until(() -> !this.accepted.isEmpty());

		transport.abort();

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(sending::get)
			.havingCause()
			.isInstanceOf(MailException.class)
			.withMessageContaining("aborted: the application is stopping");
		assertThat(transport.aborted()).isTrue();
		assertThatExceptionOfType(MailException.class).isThrownBy(() -> transport.send(message))
			.withMessageContaining("not sent: the application is stopping");
		transport.resume();
		assertThat(transport.aborted()).isFalse();
	}

	private JavaMailSenderImpl sender(Properties properties) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.silent.getLocalPort());
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static MimeMessage message(SmtpMailTransport transport) throws Exception {
		MimeMessage message = new MimeMessage(transport.session());
		message.setFrom(new InternetAddress("push-loss-report@pushloss.example"));
		message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress("pm@example.com"));
		message.setSubject("stalled");
		message.setText("body");
		return message;
	}

}
