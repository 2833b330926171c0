package io.pushloss.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.pushloss.ingest.FetchWindow;
import io.pushloss.ingest.FetchedWindow;
import io.pushloss.store.LossStore;
import io.pushloss.week.IsoWeek;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code fetchLossWindows} step: chunk-oriented, one window per chunk by default, no skip and no batch-level
 * retry (the client retries; whatever still fails, fails the step and a restart continues from the first window
 * not committed).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class FetchLossWindowsStepConfiguration {

	@Bean
	@StepScope
	FetchSession fetchSession(@Value("#{jobParameters['job']}") String job,
			@Value("#{jobParameters['week']}") String week, @Value("#{jobParameters['zone']}") String zone,
			@Value("#{jobParameters['refresh']}") Long refresh, JobDefinitionRegistry registry, LossStore store,
			ObjectProvider<PushLossApiProvider> apiProvider, ObjectProvider<Clock> clock,
			ObjectProvider<FetchProgressListener> progress) {
		return new FetchSession(registry.get(job), IsoWeek.parse(week), ZoneId.of(zone),
				(refresh != null) ? Instant.ofEpochMilli(refresh) : null, store, apiProvider.getIfAvailable(),
				clock.getIfAvailable(Clock::systemUTC), FetchProgressListener.all(progress.orderedStream().toList()));
	}

	@Bean(WeeklyReportJobConfiguration.FETCH_STEP)
	Step fetchLossWindows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IngestProperties properties, FetchSession fetchSession) {
		return new StepBuilder(WeeklyReportJobConfiguration.FETCH_STEP, jobRepository)
			.<FetchWindow, FetchedWindow>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(new PendingWindowReader(fetchSession))
			.processor(new WindowFetchProcessor(fetchSession))
			.writer(new WindowStoreWriter(fetchSession))
			.build();
	}

}
