package io.pushloss.ingest;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.pushloss.store.FetchWindow;

/**
 * The {@code fetchLossWindows} step: chunk-oriented, one window per chunk by default, no skip and no batch-level
 * retry (the client retries; whatever still fails, fails the step and a restart continues from the first window
 * not committed). The job supplies the step-scoped {@link FetchSession} of each execution and the
 * {@link FetchCheckpoint.Store} that keeps its counts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class FetchLossWindowsStepConfiguration {

	/** The step's name. */
	public static final String STEP_NAME = "fetchLossWindows";

	@Bean(STEP_NAME)
	Step fetchLossWindows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IngestProperties properties, FetchSession fetchSession, FetchCheckpoint.Store checkpoints) {
		return new StepBuilder(STEP_NAME, jobRepository)
			.<FetchWindow, FetchedWindow>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(new PendingWindowReader(fetchSession, checkpoints))
			.processor(new WindowFetchProcessor(fetchSession))
			.writer(new WindowStoreWriter(fetchSession))
			.build();
	}

}
