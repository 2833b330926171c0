package io.pushloss.delivery.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.unit.DataSize;

/**
 * Builds mail services with tiny retry backoff and takes received messages apart.
 */
final class MailTestSupport {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-16T01:00:00Z"), ZoneOffset.UTC);

	static final DeliveryProperties.Retry FAST_RETRY = new DeliveryProperties.Retry(2, Duration.ofMillis(5), 1.0,
			Duration.ofMillis(5));

	private MailTestSupport() {
	}

	static DeliveryProperties properties(DataSize maxAttachment) {
		return new DeliveryProperties("push-loss-report@pushloss.example", maxAttachment, FAST_RETRY);
	}

	static JavaMailSenderImpl smtp(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	static ReportMailer mailer(MailTransport transport, DeliveryLedger ledger, DeliveryProperties properties) {
		return new ReportMailer(transport, new MailSendRetry(properties.retry()), ledger,
				new ReportMessageComposer(new MailTemplates(null), properties, CLOCK), properties);
	}

	/** A loopback port nothing listens on (connection refused). */
	static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every leaf part, depth first. */
	static List<Part> leaves(Part part) throws MessagingException, IOException {
		List<Part> leaves = new ArrayList<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				leaves.addAll(leaves(multipart.getBodyPart(i)));
			}
		}
		else {
			leaves.add(part);
		}
		return leaves;
	}

	static BodyPart leaf(Part message, String contentType) throws MessagingException, IOException {
		for (Part part : leaves(message)) {
			if (part.isMimeType(contentType)) {
				return (BodyPart) part;
			}
		}
		throw new AssertionError("no " + contentType + " part");
	}

	static List<String> attachmentNames(Part message) throws MessagingException, IOException {
		List<String> names = new ArrayList<>();
		for (Part part : leaves(message)) {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				names.add(part.getFileName());
			}
		}
		return names;
	}

	static String text(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof String text) {
			return text;
		}
		try (InputStream in = (InputStream) content) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String raw(MimeMessage message) throws MessagingException, IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
