package io.pushloss.delivery.mail;

import java.time.Duration;
import java.util.Objects;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the weekly email and failure notifications ({@code pushloss.delivery.*}). The SMTP server itself is
 * configured by Spring Boot's standard {@code spring.mail.*} properties; without {@code spring.mail.host} every
 * message goes to the outbox folder instead.
 *
 * @param from the sender address of every message
 * @param maxAttachmentBytes the largest base64-encoded size of PDF plus workbook attached together; above it only the
 * PDF is attached (plain bytes or {@code 10MB})
 * @param retry how often and how patiently a send is retried when the SMTP server fails
 */
@ConfigurationProperties("pushloss.delivery")
public record DeliveryProperties(@DefaultValue("push-loss-report@localhost") String from,
		@DefaultValue("10MB") DataSize maxAttachmentBytes, @DefaultValue Retry retry) {

	public DeliveryProperties {
		Objects.requireNonNull(from, "from");
		try {
			new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("pushloss.delivery.from '" + from + "' is not a valid email address");
		}
		Objects.requireNonNull(maxAttachmentBytes, "maxAttachmentBytes");
		if (maxAttachmentBytes.toBytes() <= 0) {
			throw new IllegalArgumentException("pushloss.delivery.max-attachment-bytes must be positive");
		}
		Objects.requireNonNull(retry, "retry");
	}

	/** The defaults: sender {@code push-loss-report@localhost}, 10 MB, 4 attempts from 2 s backoff. */
	public static DeliveryProperties defaults() {
		return new DeliveryProperties("push-loss-report@localhost", DataSize.ofMegabytes(10), Retry.defaults());
	}

	/**
	 * Retries of one send. Attempt n waits {@code initialBackoff * multiplier^(n-2)}, at most {@code maxBackoff}.
	 *
	 * @param maxAttempts attempts in total, including the first
	 * @param initialBackoff the wait before the second attempt
	 * @param multiplier the growth of the wait per attempt
	 * @param maxBackoff the longest wait between two attempts
	 */
	public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
			@DefaultValue("2.0") double multiplier, @DefaultValue("1m") Duration maxBackoff) {

		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("pushloss.delivery.retry.max-attempts must be at least 1");
			}
			if (initialBackoff == null || initialBackoff.toMillis() < 1) {
				throw new IllegalArgumentException("pushloss.delivery.retry.initial-backoff must be at least 1ms");
			}
			if (multiplier < 1) {
				throw new IllegalArgumentException("pushloss.delivery.retry.multiplier must be at least 1.0");
			}
			if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(
						"pushloss.delivery.retry.max-backoff must not be shorter than initial-backoff");
			}
		}

		public static Retry defaults() {
			return new Retry(4, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1));
		}

	}

}
