package io.pushloss.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;

import io.pushloss.api.ApiClientSettings;
import io.pushloss.api.CallWindowRateLimiter;
import io.pushloss.api.ApiProperties;
import io.pushloss.api.ClientStats;
import io.pushloss.api.PushLossApi;
import io.pushloss.api.PushLossClient;
import io.pushloss.api.SharedCallSlots;
import io.pushloss.api.UserSig;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Clients for jobs: the vendor's data centre (or an explicit base URL) with the secret key from the job's
 * environment variable, or, for {@code api.simulator: true}, the embedded simulator started on a free loopback
 * port in this process. One client per job, kept for the life of the process so the UserSig cache and the
 * counters carry over between steps and weeks.
 */
public class VendorApiProvider implements PushLossApiProvider, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(VendorApiProvider.class);

	private final ApiProperties properties;

	private final Environment environment;

	private final Clock clock;

	private final Map<String, PushLossClient> clients = new ConcurrentHashMap<>();

	private final Map<String, PushLossSimulator> simulators = new ConcurrentHashMap<>();

	private final SharedCallSlots sharedSlots;

	/** Spaces the calls of every client of this process. */
	private final CallWindowRateLimiter limiter = new CallWindowRateLimiter();

	public VendorApiProvider(ApiProperties properties, Environment environment, Clock clock) {
		this(properties, environment, clock, SharedCallSlots.NONE);
	}

	/** @param sharedSlots spaces the calls of every process on one application (through the database) */
	public VendorApiProvider(ApiProperties properties, Environment environment, Clock clock,
			SharedCallSlots sharedSlots) {
		this.sharedSlots = sharedSlots;
		this.properties = properties;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public PushLossApi forJob(JobDefinition job) {
		return this.clients.computeIfAbsent(job.name(), (name) -> createClient(job));
	}

	/** The counters of the job's client (zero when no call was made yet). */
	public ClientStats stats(JobDefinition job) {
		PushLossClient client = this.clients.get(job.name());
		return (client != null) ? client.stats() : null;
	}

	/** HTTP requests the job's client sent to the vendor, retries included (0 before its first call). */
	public long requests(JobDefinition job) {
		ClientStats stats = stats(job);
		return (stats != null) ? stats.calls() : 0;
	}

	/** The job's client's requests retried after a retryable error (0 before its first call). */
	public long retriedRequests(JobDefinition job) {
		ClientStats stats = stats(job);
		return (stats != null) ? stats.retries() : 0;
	}

	/** The embedded simulator serving a simulator job, or {@code null} when none was started for it. */
	public PushLossSimulator simulatorFor(JobDefinition job) {
		return this.simulators.get(job.name());
	}

	private PushLossClient createClient(JobDefinition job) {
		JobDefinition.ApiSettings api = job.api();
		String secretKey = secretKey(job);
		String baseUrl;
		if (api.simulator()) {
			PushLossSimulator simulator = this.simulators.computeIfAbsent(job.name(),
					(name) -> PushLossSimulator.start(SimulatorSettings.defaults()
						.withSeed(api.simulatorSeed())
						.withSdkAppId(api.sdkAppId())
						.withIdentifier(api.identifier())
						.withSecretKey(secretKey)
						.withZone(job.zone())
						// a Chinese job's simulator answers like the vendors do for an application in China
						.withChineseErrInfo("zh".equals(job.locale().getLanguage()))
						.withCallsPerSecond(simulatorCallsPerSecond())
						.withClock(simulatorClock())));
			baseUrl = simulator.baseUrl();
			logger.info("Job {} reads the embedded simulator at {} (seed {})", job.name(), baseUrl,
					api.simulatorSeed());
		}
		else {
			baseUrl = (api.baseUrl() != null) ? api.baseUrl() : api.region().baseUrl();
		}
		ApiClientSettings settings = ApiClientSettings.of(baseUrl, api.sdkAppId(), api.identifier(), secretKey)
			.withSecretKeyEnv(api.secretKeyEnv())
			.withCallsPerSecond(this.properties.callsPerSecond())
			.withTimeouts(this.properties.connectTimeout(), this.properties.readTimeout())
			.withRetries(this.properties.maxAttempts(), this.properties.initialBackoff(),
					this.properties.maxBackoff())
			.withClock(this.clock);
		logger.info("Job {} calls {} as {} of sdkappid {} (key {})", job.name(), baseUrl, api.identifier(),
				api.sdkAppId(), UserSig.fingerprint(secretKey));
		return new PushLossClient(settings, this.limiter, this.sharedSlots, this.properties.arrivalMargin());
	}

	/**
	 * The embedded simulator's frequency limit: by default the client's rate, as the vendor enforces it (see
	 * {@link ApiProperties#embeddedSimulatorCallsPerSecond()}).
	 */
	private double simulatorCallsPerSecond() {
		return this.properties.embeddedSimulatorCallsPerSecond();
	}

	/**
	 * The embedded simulator's clock: it reads the application's "now" (so that it accepts the UserSigs the client
	 * signs with a fixed clock, {@code -Dpushloss.now}) but keeps ticking, as its frequency limit needs: with a
	 * stopped clock every call after the first would arrive "at once" and be refused.
	 */
	private Clock simulatorClock() {
		Clock system = Clock.systemUTC();
		return Clock.offset(system, Duration.between(system.instant(), this.clock.instant()));
	}

	/**
	 * The job's secret key: the environment variable it names (read through Spring's environment, so a system
	 * property of the same name works too), or the simulator's public demo key for a simulator job without one.
	 */
	String secretKey(JobDefinition job) {
		String key = this.environment.getProperty(job.api().secretKeyEnv());
		if (key != null && !key.isBlank()) {
			return key.strip();
		}
		if (job.api().simulator()) {
			return PushLossSimulator.DEMO_SECRET_KEY;
		}
		throw new MissingSecretKeyException(job);
	}

	/**
	 * Ends every client's call in progress at once and refuses later calls until {@link #resume()}: for an
	 * application that is stopping while the vendor does not answer.
	 */
	@Override
	public void abortInFlight() {
		this.clients.values().forEach(PushLossClient::abort);
	}

	/** Calls again after {@link #abortInFlight()}. */
	@Override
	public void resume() {
		this.clients.values().forEach(PushLossClient::resume);
	}

	@Override
	public void destroy() {
		this.simulators.values().forEach(PushLossSimulator::close);
		this.simulators.clear();
	}

	/** The job's secret key variable is not set. */
	public static class MissingSecretKeyException extends IllegalStateException {

		MissingSecretKeyException(JobDefinition job) {
			super("The environment variable " + job.api().secretKeyEnv() + " is not set: it must hold the secret key of sdkappid "
					+ job.api().sdkAppId() + " (job '" + job.name() + "')");
		}

	}

}
