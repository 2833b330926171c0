package io.pushloss.job;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.pushloss.api.PushLossApi;
import io.pushloss.delivery.mail.MailMode;
import io.pushloss.delivery.mail.MailTransport;
import io.pushloss.ingest.PushLossApiProvider;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A stop that the running execution does not honour in time (it waits on I/O, not at a chunk boundary) aborts the
 * SMTP sends and vendor calls it waits on after {@code pushloss.shutdown.abort-io-after}, in {@code serve}'s shutdown
 * and in a foreground run's Ctrl-C alike; a start accepts sends and calls again.
 */
class GracefulStopTests {

	private final CountingTransport mail = new CountingTransport();

	private final CountingProvider api = new CountingProvider();

	private final GracefulStop stop = gracefulStop(Duration.ofSeconds(30), Duration.ofMillis(50));

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void theShutdownAbortsTheIoOfARunThatDoesNotStopAndWaitsForItToEnd() {
		this.stop.launching(); // a run waits on a silent server in another thread
		CompletableFuture<Void> closing = CompletableFuture.runAsync(this.stop::stop);

		Awaitility.await().until(() -> this.mail.aborts.get() == 1);
		assertThat(this.api.aborts).hasValue(1);
		assertThat(closing).as("still waiting for the run to end").isNotDone();
		this.stop.launched(); // the aborted send failed the run
		closing.join();

		this.stop.start();
		assertThat(this.mail.resumes).hasValue(1);
		assertThat(this.api.resumes).hasValue(1);
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aForegroundStopAbortsTheIoOnlyIfTheRunIsStillBusy() {
		this.stop.launching();
		this.stop.stopAfterCurrentChunk();

		Awaitility.await().until(() -> this.mail.aborts.get() == 1);
		assertThat(this.api.aborts).hasValue(1);
		this.stop.launched();

		GracefulStop idle = gracefulStop(Duration.ofSeconds(30), Duration.ofMillis(50));
		idle.stopAfterCurrentChunk();
		idle.stop();
		assertThat(this.mail.aborts).as("nothing was running: nothing aborted").hasValue(1);
	}

	private GracefulStop gracefulStop(Duration timeout, Duration abortIoAfter) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mailTransport", this.mail);
		beans.addBean("apiProvider", this.api);
		return new GracefulStop(beans.getBeanProvider(JobOperator.class),
				mock(JobRepository.class), new ShutdownProperties(timeout, abortIoAfter),
				beans.getBeanProvider(MailTransport.class), beans.getBeanProvider(PushLossApiProvider.class));
	}

	private static final class CountingTransport implements MailTransport {

		final AtomicInteger aborts = new AtomicInteger();

		final AtomicInteger resumes = new AtomicInteger();

		@Override
		public Session session() {
			return Session.getInstance(new Properties());
		}

		@Override
		public void send(MimeMessage message) {
		}

		@Override
		public String describe() {
			return "counting";
		}

		@Override
		public MailMode mode() {
			return MailMode.SMTP;
		}

		@Override
		public void abort() {
			this.aborts.incrementAndGet();
		}

		@Override
		public void resume() {
			this.resumes.incrementAndGet();
		}

	}

	private static final class CountingProvider implements PushLossApiProvider {

		final AtomicInteger aborts = new AtomicInteger();

		final AtomicInteger resumes = new AtomicInteger();

		@Override
		public PushLossApi forJob(JobDefinition job) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void abortInFlight() {
			this.aborts.incrementAndGet();
		}

		@Override
		public void resume() {
			this.resumes.incrementAndGet();
		}

	}

}
