package io.pushloss.job;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import io.pushloss.api.ApiErrorKind;
import io.pushloss.api.PushLossApiException;
import io.pushloss.delivery.mail.DeliveryException;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorMessagesTests {

	@Test
	void takesTheMessageOfTheOutermostExceptionOfThisProgram() {
		DeliveryException delivery = new DeliveryException("Could not send the weekly email; it stays PENDING", "demo",
				"2026-W46", "<id@localhost>", new MailSendException("Mail server connection failed",
						new ConnectException("Connection refused")));

		assertThat(OperatorMessages.of(new IllegalStateException("Unable to process chunk", delivery)))
			.isEqualTo("Could not send the weekly email; it stays PENDING");
		assertThat(OperatorMessages.of(new RuntimeException("wrapper", new PushLossApiException(ApiErrorKind.FATAL,
				70009, null, "70009 wrong secret key")))).isEqualTo("70009 wrong secret key");
	}

	@Test
	void otherwiseTakesTheInnermostCause() {
		assertThat(OperatorMessages.of(new IllegalStateException("Unable to process chunk",
				new MailSendException("failed", new ConnectException("Connection refused")))))
			.isEqualTo("Connection refused");
		assertThat(OperatorMessages.of(new NullPointerException())).isEqualTo("NullPointerException");
	}

}
