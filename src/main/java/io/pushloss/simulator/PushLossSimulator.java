package io.pushloss.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.domain.LossSource;

/**
 * A faithful stand-in for the vendor's two push-loss REST APIs, served over real HTTP on 127.0.0.1: UserSig
 * verification, the documented error codes, the frequency limit, the vendor's response quirks, deterministic
 * synthetic data ({@link SyntheticLossData}) and optional fault injection ({@link FaultSettings}).
 * <p>
 * Point a client at {@link #baseUrl()} instead of {@code https://console.tim.qq.com}. Thread-safe.
 */
public final class PushLossSimulator implements AutoCloseable {

	/**
	 * The simulator's default secret key. Public and documented, NOT a secret: it only opens the simulator. Never use
	 * it, or anything derived from it, for a real application.
	 */
	public static final String DEMO_SECRET_KEY = "ebe454799f1ffd882861bdce64ca1ae1f95a48b50a7ff20bd4e305fa5d75a7c9";

	private static final Logger log = LoggerFactory.getLogger(PushLossSimulator.class);

	// enough that answers waiting out their latency never hold up other calls
	private static final int THREADS = 8;

	static {
		// The JDK server writes headers and body in two packets; without TCP_NODELAY every answer waits ~40 ms for
		// the client's delayed ACK. The property (documented by the jdk.httpserver module) is read once per JVM.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final SimulatorSettings settings;

	private final SyntheticLossData data;

	private final FaultPlan faults;

	private final Map<LossSource, AtomicLong> calls = new EnumMap<>(LossSource.class);

	private final AtomicLong frequencyLimited = new AtomicLong();

	private final HttpServer server;

	private final ExecutorService executor;

	private final int port;

	private final AtomicBoolean closed = new AtomicBoolean();

	private PushLossSimulator(SimulatorSettings settings) throws IOException {
		this.settings = settings;
		this.data = new SyntheticLossData(settings.seed(), settings.zone(), settings.chineseErrInfo());
		this.faults = new FaultPlan(settings.faults());
		for (LossSource source : LossSource.values()) {
			this.calls.put(source, new AtomicLong());
		}
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()),
				50);
		this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
		this.server.setExecutor(new ArrivalStamps(this.executor, settings.clock()));
		this.server.createContext("/", new LossCallHandler(settings, this.data, this.faults, this.calls,
				this.frequencyLimited));
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	/**
	 * Starts a simulator on 127.0.0.1.
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public static PushLossSimulator start(SimulatorSettings settings) {
		Objects.requireNonNull(settings, "settings");
		try {
			PushLossSimulator simulator = new PushLossSimulator(settings);
			log.info("Push-loss simulator listening on {} (seed {}, SDKAppID {}, zone {})", simulator.baseUrl(),
					settings.seed(), settings.sdkAppId(), settings.zone());
			return simulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot start the push-loss simulator on 127.0.0.1:" + settings.port() + ": " + ex.getMessage(), ex);
		}
	}

	/** The port it listens on (the free port chosen when started with port 0). */
	public int port() {
		return this.port;
	}

	/** {@code http://127.0.0.1:<port>}: use in place of {@code https://console.tim.qq.com}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public SimulatorSettings settings() {
		return this.settings;
	}

	/** The data it answers with; {@code data().rows(...)} is exactly what a call for that range returns. */
	public SyntheticLossData data() {
		return this.data;
	}

	/** Calls received on both API paths, rejected ones included. */
	public long calls() {
		return this.calls.values().stream().mapToLong(AtomicLong::get).sum();
	}

	/** Calls received on one API path, rejected ones included. */
	public long calls(LossSource source) {
		return this.calls.get(source).get();
	}

	/**
	 * Calls rejected with 60007 by the frequency limit (not those drawn as an {@link Fault#ERROR_60007} fault): a
	 * client that keeps to the limit provokes none.
	 */
	public long frequencyLimitAnswers() {
		return this.frequencyLimited.get();
	}

	/** Replaces the fault injection from the next call on; the call count for {@code share} restarts. */
	public void faults(FaultSettings faults) {
		this.faults.apply(faults);
	}

	/** The fault injection in force. */
	public FaultSettings faults() {
		return this.faults.settings();
	}

	/** Stops listening and interrupts calls in progress (a delayed call loses its connection). Idempotent. */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			if (!this.executor.awaitTermination(2, TimeUnit.SECONDS)) {
				log.warn("Push-loss simulator on port {} still has calls running after close", port());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Push-loss simulator on port {} stopped after {} calls", port(), calls());
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "push-loss-simulator-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
