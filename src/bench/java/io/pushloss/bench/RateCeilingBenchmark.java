package io.pushloss.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.pushloss.api.ApiClientSettings;
import io.pushloss.api.LossQuery;
import io.pushloss.api.PushLossApiException;
import io.pushloss.api.PushLossClient;
import io.pushloss.domain.LossSource;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Section 1, the rate ceiling: fetches {@code windows} daily windows of one API through one {@link PushLossClient}
 * from the in-process simulator limited to N calls per second with a per-call latency, and reports the calls per
 * second achieved divided by N, the frequency-limit answers provoked and the windows lost. Measured three times:
 * several callers sharing the client without faults, the same with a share of retryable faults, and one caller
 * (how the fetch step calls it).
 */
final class RateCeilingBenchmark extends Benchmark {

	static final String SECTION = "1 rate ceiling";

	RateCeilingBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	@Override
	List<Figure> run() throws Exception {
		double n = this.options.callsPerSecond();
		String setup = String.format("%d windows of normal_push_loss, limit %s calls/s, latency %d-%d ms",
				this.options.windows(), Numbers.format(n), this.options.minLatencyMillis(),
				this.options.maxLatencyMillis());
		List<Figure> figures = new ArrayList<>();
		int callers = this.options.callers();
		warmUp();

		Measurement clean = measure(FaultSettings.none(), callers);
		figures.add(Figure.atLeast("rate.utilisation", SECTION, "utilisation (calls/s / N), " + callers + " callers",
				clean.utilisation(n), "ratio", 0.97, setup + "; " + clean + ", " + clean.lostMillisPerCall(n)
						+ " ms per call beyond the fastest schedule of the client's limit (at most floor(N) calls "
						+ "in any floor(N) x 1.02/N s, at least 0.51/N s apart): the last answer's latency and late "
						+ "wake-ups (a late start delays the call a window after it, not every following call). "
						+ "The steady rate is 0.98 N; a run starts with an empty window, whose floor(N) calls go "
						+ "out at 0.51/N s, so a short run may exceed 1"));
		figures.add(Figure.exactly("rate.frequencyLimitAnswers", SECTION, "frequency-limit answers (client)",
				clean.clientFrequencyLimited(), "answers", 0, "ClientStats.frequencyLimitAnswers()"));
		figures.add(Figure.exactly("rate.simulatorFrequencyLimited", SECTION, "60007 by the limit (simulator)",
				clean.simulatorFrequencyLimited(), "answers", 0, "PushLossSimulator.frequencyLimitAnswers()"));

		FaultSettings faults = FaultSettings.of(this.options.faultShare(), 7, Fault.HTTP_502, Fault.ERROR_90102,
				Fault.ERROR_91000);
		Measurement faulty = measure(faults, callers);
		String share = Numbers.format(this.options.faultShare() * 100) + "% faults";
		figures.add(Figure.atLeast("rate.faults.utilisation", SECTION,
				"utilisation with " + share + ", " + callers + " callers", faulty.utilisation(n), "ratio", 0.97,
				"faults 502/90102/91000, client retries with its default backoff (one call interval, 1/N s, "
						+ "doubling, jitter); " + faulty + ", " + faulty.lostMillisPerCall(n)
						+ " ms per call beyond the limit's fastest schedule"));
		figures.add(Figure.exactly("rate.faults.lostWindows", SECTION, "windows lost with " + share,
				faulty.lostWindows(), "windows", 0, faulty.retries() + " retries"));
		figures.add(Figure.exactly("rate.faults.frequencyLimitAnswers", SECTION,
				"frequency-limit answers with " + share, faulty.clientFrequencyLimited(), "answers", 0,
				"simulator counted " + faulty.simulatorFrequencyLimited()));

		Measurement sequential = measure(FaultSettings.none(), 1);
		figures.add(Figure.info("rate.sequential.utilisation", SECTION, "utilisation, 1 caller (as the fetch step)",
				sequential.utilisation(n), "ratio",
				"each call waits for the previous answer; the client's window lets a call after a slow answer "
						+ "follow at 0.51/N s, so calls/s is about 1 / (mean latency), at most the limit; "
						+ sequential));
		figures.add(Figure.exactly("rate.sequential.frequencyLimitAnswers", SECTION,
				"frequency-limit answers, 1 caller", sequential.clientFrequencyLimited(), "answers", 0, null));
		return figures;
	}

	private Measurement measure(FaultSettings faults, int callers) throws Exception {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withCallsPerSecond(this.options.callsPerSecond())
			.withLatency(Duration.ofMillis(this.options.minLatencyMillis()),
					Duration.ofMillis(this.options.maxLatencyMillis()))
			.withFaults(faults);
		List<LossQuery> queries = queries(this.options.windows());
		try (PushLossSimulator simulator = PushLossSimulator.start(settings)) {
			PushLossClient client = new PushLossClient(ApiClientSettings
				.of(simulator.baseUrl(), settings.sdkAppId(), settings.identifier(), settings.secretKey())
				.withCallsPerSecond(this.options.callsPerSecond()));
			this.progress.step(String.format("rate: %d windows, %d caller(s), faults %s", queries.size(), callers,
					Numbers.format(faults.share())));
			AtomicInteger next = new AtomicInteger();
			AtomicInteger lost = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(callers);
			System.gc();
			long gcBefore = Gc.count();
			long gcMillisBefore = Gc.millis();
			long start = System.nanoTime();
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int i = 0; i < callers; i++) {
					running.add(pool.submit(() -> {
						for (int index = next.getAndIncrement(); index < queries.size(); index = next
							.getAndIncrement()) {
							try {
								client.fetch(queries.get(index));
							}
							catch (PushLossApiException ex) {
								lost.incrementAndGet();
								this.progress.note("lost: " + ex.getMessage());
							}
						}
					}));
				}
				for (Future<?> caller : running) {
					caller.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			long elapsed = System.nanoTime() - start;
			return new Measurement(client.stats().calls(), simulator.calls(), elapsed,
					client.stats().frequencyLimitAnswers(), simulator.frequencyLimitAnswers(),
					client.stats().retries(), lost.get(), Gc.count() - gcBefore, Gc.millis() - gcMillisBefore);
		}
	}

	/**
	 * A few calls to an unlimited simulator first: the first call of a cold JVM spends tens of milliseconds loading
	 * the HTTP stack between taking its slot and reaching the server, which would measure class loading, not the
	 * limiter.
	 */
	private void warmUp() {
		SimulatorSettings settings = SimulatorSettings.defaults().withCallsPerSecond(Double.POSITIVE_INFINITY);
		try (PushLossSimulator simulator = PushLossSimulator.start(settings)) {
			PushLossClient client = new PushLossClient(ApiClientSettings
				.of(simulator.baseUrl(), settings.sdkAppId(), settings.identifier(), settings.secretKey())
				.withCallsPerSecond(1000));
			this.progress.step("rate: warming up the HTTP client and server");
			queries(50).forEach(client::fetch);
		}
	}

	/** Daily windows of normal push, one after the other, from 2025-01-06 on. */
	private static List<LossQuery> queries(int count) {
		long first = LocalDate.of(2025, 1, 6).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		List<LossQuery> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long start = first + i * 86_400L;
			queries.add(new LossQuery(LossSource.NORMAL, start, start + 86_400, List.of()));
		}
		return queries;
	}

	/** What one fetch of all windows did. */
	record Measurement(long clientCalls, long simulatorCalls, long elapsedNanos, long clientFrequencyLimited,
			long simulatorFrequencyLimited, long retries, int lostWindows, long gcs, long gcMillis) {

		double utilisation(double limit) {
			return Numbers.round(this.simulatorCalls / Numbers.seconds(this.elapsedNanos) / limit, 4);
		}

		@Override
		public String toString() {
			return String.format("%d calls in %.2f s (%d GCs, %d ms, in the JVM of both client and simulator)",
					this.simulatorCalls, Numbers.seconds(this.elapsedNanos), this.gcs, this.gcMillis);
		}

		/**
		 * The time lost per call beyond the fastest schedule the client's limit allows, in milliseconds: with
		 * {@code k = floor(N)} (at least 1) and a spacing of 1.02 / N, at most {@code k} starts in any {@code k}
		 * spacings and at least half a spacing between two starts, so the last of {@code c} calls starts at
		 * {@code floor((c - 1) / k) * k} spacings plus {@code (c - 1) mod k} half spacings.
		 */
		double lostMillisPerCall(double limit) {
			long k = (long) Math.max(1, Math.floor(limit));
			double spacing = 1.02 / limit;
			long later = this.simulatorCalls - 1;
			double ideal = (later / k) * k * spacing + (later % k) * spacing / 2;
			return Numbers.round((Numbers.seconds(this.elapsedNanos) - ideal) * 1000 / later, 1);
		}

	}

}
