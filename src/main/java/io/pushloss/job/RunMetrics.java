package io.pushloss.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.pushloss.ingest.FetchCounts;
import io.pushloss.ingest.FetchLossWindowsStepConfiguration;
import io.pushloss.ingest.PushLossApiProvider;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.jobdef.JobDefinition;

/**
 * Records each run's figures as Micrometer meters (served as Prometheus text by {@code serve}), tagged by job:
 * <ul>
 * <li>{@code pushloss.runs} (status COMPLETED, FAILED, STOPPED): executions that ended;</li>
 * <li>{@code pushloss.api.calls}: HTTP requests the fetch step sent to the vendor, retries included (as in
 * {@code runs});</li>
 * <li>{@code pushloss.api.retries}: windows fetched again because an earlier run failed while fetching them;</li>
 * <li>{@code pushloss.windows.fetched}, {@code pushloss.rows.stored}: what the fetch step committed;</li>
 * <li>{@code pushloss.last.success} (seconds since the epoch, 0 when never): when the last run completed;</li>
 * <li>{@code pushloss.api.requests}, {@code pushloss.api.request.retries}: the vendor client's HTTP requests and
 * its retries after retryable errors (only for the real client and the embedded simulator).</li>
 * </ul>
 * The counters count what happened in this process; the last-success gauge starts from the job repository.
 */
@Component
public class RunMetrics implements JobExecutionListener {

	private static final Map<String, String> DESCRIPTIONS = Map.of("pushloss.api.calls",
			"HTTP requests the fetch step sent to the push-loss APIs, retries included", "pushloss.api.retries",
			"Windows fetched again because an earlier run failed while fetching them", "pushloss.windows.fetched",
			"Fetch windows committed to the store", "pushloss.rows.stored", "Loss rows committed to the store");

	private final MeterRegistry registry;

	private final WeeklyReportExecutions executions;

	private final ObjectProvider<PushLossApiProvider> apiProvider;

	private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

	private final Clock clock;

	RunMetrics(ObjectProvider<MeterRegistry> registry, WeeklyReportExecutions executions, Clock clock,
			ObjectProvider<PushLossApiProvider> apiProvider) {
		this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
		this.executions = executions;
		this.clock = clock;
		this.apiProvider = apiProvider;
	}

	/**
	 * Registers the job's meters at zero (so they exist before its first run) and reads its last success from the
	 * job repository.
	 */
	public void track(JobDefinition job) {
		String name = job.name();
		for (BatchStatus status : new BatchStatus[] { BatchStatus.COMPLETED, BatchStatus.FAILED,
				BatchStatus.STOPPED }) {
			runs(name, status);
		}
		for (String counter : new String[] { "pushloss.api.calls", "pushloss.api.retries",
				"pushloss.windows.fetched", "pushloss.rows.stored" }) {
			counter(counter, name);
		}
		AtomicLong last = lastSuccess(name);
		this.executions.recent(name, 100)
			.stream()
			.map(RunContext::summarize)
			.filter((run) -> run.status() == RunStatus.COMPLETED && run.end() != null)
			.findFirst()
			.ifPresent((run) -> last.accumulateAndGet(run.end().getEpochSecond(), Math::max));
		if (this.apiProvider.getIfAvailable() instanceof VendorApiProvider vendor) {
			FunctionCounter.builder("pushloss.api.requests", vendor, (provider) -> clientCount(provider, job, false))
				.description("HTTP requests sent to the vendor API, retries included")
				.tag("job", name)
				.register(this.registry);
			FunctionCounter
				.builder("pushloss.api.request.retries", vendor, (provider) -> clientCount(provider, job, true))
				.description("Vendor API requests retried after a retryable error")
				.tag("job", name)
				.register(this.registry);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		String job = WeeklyReportParameters.from(execution.getJobParameters()).job();
		BatchStatus status = execution.getStatus();
		runs(job, (status == BatchStatus.COMPLETED || status == BatchStatus.STOPPED) ? status : BatchStatus.FAILED)
			.increment();
		for (StepExecution step : execution.getStepExecutions()) {
			if (FetchLossWindowsStepConfiguration.STEP_NAME.equals(step.getStepName())) {
				FetchCounts counts = RunContext.fetchCounts(step);
				counter("pushloss.api.calls", job).increment(counts.calls());
				counter("pushloss.api.retries", job).increment(counts.retries());
				counter("pushloss.windows.fetched", job).increment(counts.windowsFetched());
				counter("pushloss.rows.stored", job).increment(counts.rowsStored());
			}
		}
		if (status == BatchStatus.COMPLETED) {
			Instant end = (execution.getEndTime() != null)
					? execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant() : this.clock.instant();
			lastSuccess(job).accumulateAndGet(end.getEpochSecond(), Math::max);
		}
	}

	private Counter runs(String job, BatchStatus status) {
		return Counter.builder("pushloss.runs")
			.description("Weekly report executions that ended, by status")
			.tag("job", job)
			.tag("status", status.name())
			.register(this.registry);
	}

	private Counter counter(String name, String job) {
		return Counter.builder(name).description(DESCRIPTIONS.get(name)).tag("job", job).register(this.registry);
	}

	private AtomicLong lastSuccess(String job) {
		return this.lastSuccess.computeIfAbsent(job, (name) -> {
			AtomicLong holder = new AtomicLong();
			Gauge.builder("pushloss.last.success", holder, AtomicLong::get)
				.description("When the job's last run completed, in seconds since the epoch (0: never)")
				.baseUnit("seconds")
				.tag("job", name)
				.register(this.registry);
			return holder;
		});
	}

	private static double clientCount(VendorApiProvider provider, JobDefinition job, boolean retries) {
		return retries ? provider.retriedRequests(job) : provider.requests(job);
	}

}
