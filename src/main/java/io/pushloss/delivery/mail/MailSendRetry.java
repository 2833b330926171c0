package io.pushloss.delivery.mail;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Sends one message with retries and exponential backoff ({@code pushloss.delivery.retry.*}). Connection and
 * transfer failures are retried; a rejected login or a malformed message is not, since waiting cannot fix it.
 */
public class MailSendRetry {

	private static final Logger logger = LoggerFactory.getLogger(MailSendRetry.class);

	private final DeliveryProperties.Retry settings;

	public MailSendRetry(DeliveryProperties.Retry settings) {
		this.settings = settings;
	}

	/** Attempts in total, including the first. */
	public int maxAttempts() {
		return this.settings.maxAttempts();
	}

	/**
	 * Sends, retrying as configured; {@code listener} hears of every attempt before it is made and of every failure.
	 * @throws MailException the last failure when no attempt succeeded
	 */
	public void send(MailTransport transport, MimeMessage message, AttemptListener listener) throws MailException {
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(this.settings.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(this.settings.initialBackoff(),
					this.settings.multiplier(), this.settings.maxBackoff()))
			.retryOnException((failure) -> !transport.aborted() && isTransient(failure))
			.build();
		Retry retry = Retry.of("mail", config);
		AtomicInteger attempt = new AtomicInteger();
		retry.executeRunnable(() -> {
			int number = attempt.incrementAndGet();
			listener.beforeAttempt(number);
			try {
				transport.send(message);
			}
			catch (MailException ex) {
				logger.warn("Attempt {} of {} to send through {} failed: {}", number, this.settings.maxAttempts(),
						transport.describe(), MailErrors.describe(ex));
				listener.failed(number, ex);
				throw ex;
			}
		});
	}

	/**
	 * Whether waiting and trying again might help: not for a rejected login, a malformed message, or recipients the
	 * server refused (JavaMail then sends to nobody, so nothing is duplicated either way).
	 */
	static boolean isTransient(Throwable failure) {
		if (!(failure instanceof MailException) || failure instanceof MailAuthenticationException
				|| failure instanceof MailParseException || failure instanceof MailPreparationException) {
			return false;
		}
		return MailErrors.chain(failure)
			.stream()
			.noneMatch((cause) -> cause instanceof SendFailedException refused
					&& refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
	}

	/** Hears about each attempt, e.g. to record it in the ledger. */
	public interface AttemptListener {

		AttemptListener NONE = new AttemptListener() {
		};

		default void beforeAttempt(int attempt) {
		}

		default void failed(int attempt, MailException failure) {
		}

	}

}
