package io.pushloss.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the simulator is started.
 *
 * @param port the loopback port, 0 for any free port
 * @param seed the seed of the synthetic data
 * @param sdkAppId the only SDKAppID the simulator serves (others get 60006)
 * @param identifier the App administrator account callers must sign as
 * @param secretKey the key UserSigs are verified with (never logged)
 * @param callsPerSecond the rate limit per (SDKAppID, API); {@code Double.POSITIVE_INFINITY} disables it
 * @param unnamedObjectShape whether normal_push_loss answers in the invalid "unnamed object" shape of its sample
 * @param zone the zone whose days and weeks shape the data (weekly rhythm, planted events)
 * @param faults the faults injected from the start
 * @param clock the clock for UserSig expiry and the rate limit
 * @param minLatency the shortest time the service takes to answer a call
 * @param maxLatency the longest; each call waits a time in {@code [minLatency, maxLatency]} drawn from the seed and
 * the call's number before its answer is sent (after the frequency check, which happens on arrival). Unlike
 * {@link Fault#DELAY} this is the ordinary service time every call has.
 * @param chineseErrInfo whether the Chinese vendors (Huawei, Honor, Xiaomi, OPPO, vivo, Meizu) and the Tencent side
 * describe their codes in Chinese, as they do for applications in China; APNs and FCM answer in English either way
 */
public record SimulatorSettings(int port, long seed, long sdkAppId, String identifier, String secretKey,
		double callsPerSecond, boolean unnamedObjectShape, ZoneId zone, FaultSettings faults, Clock clock,
		Duration minLatency, Duration maxLatency, boolean chineseErrInfo) {

	public SimulatorSettings {
		if (port < 0 || port > 65_535) {
			throw new IllegalArgumentException("Simulator port " + port + " is outside 0..65535");
		}
		if (sdkAppId <= 0) {
			throw new IllegalArgumentException("SDKAppID " + sdkAppId + " must be positive");
		}
		if (identifier == null || identifier.isBlank()) {
			throw new IllegalArgumentException("The simulator's administrator identifier is blank");
		}
		if (secretKey == null || secretKey.isEmpty()) {
			throw new IllegalArgumentException("The simulator's secret key is empty");
		}
		if (!(callsPerSecond > 0)) {
			throw new IllegalArgumentException("Calls per second " + callsPerSecond + " must be positive");
		}
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(faults, "faults");
		Objects.requireNonNull(clock, "clock");
		minLatency = (minLatency != null) ? minLatency : Duration.ZERO;
		maxLatency = (maxLatency != null) ? maxLatency : minLatency;
		if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
			throw new IllegalArgumentException(
					"Latency must satisfy 0 <= min (" + minLatency + ") <= max (" + maxLatency + ")");
		}
	}

	/**
	 * Port 0, seed 42, SDKAppID 1400000000, identifier {@code administrator}, the public
	 * {@link PushLossSimulator#DEMO_SECRET_KEY}, 1 call per second, the well-formed normal_push_loss shape,
	 * Asia/Shanghai, no faults, the system clock, no latency.
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings(0, 42, 1_400_000_000L, "administrator", PushLossSimulator.DEMO_SECRET_KEY, 1.0,
				false, ZoneId.of("Asia/Shanghai"), FaultSettings.none(), Clock.systemUTC(), Duration.ZERO,
				Duration.ZERO, false);
	}

	public SimulatorSettings withPort(int port) {
		return new SimulatorSettings(port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withSeed(long seed) {
		return new SimulatorSettings(this.port, seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withSdkAppId(long sdkAppId) {
		return new SimulatorSettings(this.port, this.seed, sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withIdentifier(String identifier) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withSecretKey(String secretKey) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withCallsPerSecond(double callsPerSecond) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withUnnamedObjectShape(boolean unnamedObjectShape) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withZone(ZoneId zone) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, zone, this.faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withFaults(FaultSettings faults) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, faults, this.clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	public SimulatorSettings withClock(Clock clock) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, clock, this.minLatency, this.maxLatency, this.chineseErrInfo);
	}

	/** The Chinese vendors and the Tencent side describe their codes in Chinese (or not). */
	public SimulatorSettings withChineseErrInfo(boolean chinese) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, this.minLatency,
				this.maxLatency, chinese);
	}

	/** Each call answers after a time in {@code [min, max]} (from the seed): the service time of a real API. */
	public SimulatorSettings withLatency(Duration min, Duration max) {
		return new SimulatorSettings(this.port, this.seed, this.sdkAppId, this.identifier, this.secretKey,
				this.callsPerSecond, this.unnamedObjectShape, this.zone, this.faults, this.clock, min, max, this.chineseErrInfo);
	}

	/** Never prints the secret key. */
	@Override
	public String toString() {
		return "SimulatorSettings[port=" + this.port + ", seed=" + this.seed + ", sdkAppId=" + this.sdkAppId
				+ ", identifier=" + this.identifier + ", callsPerSecond=" + this.callsPerSecond
				+ ", unnamedObjectShape=" + this.unnamedObjectShape + ", zone=" + this.zone + ", faults=" + this.faults
				+ ", latency=" + this.minLatency.toMillis() + ".." + this.maxLatency.toMillis() + " ms]";
	}

}
