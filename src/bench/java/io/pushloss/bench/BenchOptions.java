package io.pushloss.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's options, from {@code --name=value} arguments (blank arguments are ignored, so that Maven can pass
 * empty properties through).
 *
 * @param json print JSON instead of the table
 * @param sections the sections to run
 * @param callsPerSecond the simulator's limit and the client's rate (section 1 and 2)
 * @param windows windows fetched per rate-ceiling measurement
 * @param callers concurrent callers sharing one client in the rate-ceiling measurement
 * @param minLatencyMillis the simulator's shortest answer time
 * @param maxLatencyMillis the simulator's longest answer time
 * @param faultShare the share of calls answered with a retryable fault in the second measurement
 * @param pipelineTasks push-to-all tasks of the synthetic pipeline week
 * @param excelRows the Raw sheet sizes, smallest first
 * @param excelHeapMb the child JVMs' {@code -Xmx} for the Excel measurements
 * @param analysisRows stored rows for the analysis query
 * @param startupRuns how many processes are started for the start-up figure (the median is reported)
 * @param workDir where databases and documents are written (emptied first)
 * @param jar the packaged application for the start-up figure
 * @param startupBaseline the jar the start-up section compares with ({@code java -jar}), by default {@code jar}
 * itself; a previous build's jar measures what changed in the program as well as in the way it is started
 * @param failoverRuns how many clusters are started and have their running node killed in the failover section
 * (the median is reported)
 * @param arrivalMargin the client's {@code pushloss.api.arrival-margin} in the shared-limit section's processes, or
 * {@code null} for the product's default
 * @param pipelineLoad busy threads in a child JVM beside section 3's timed run (a loaded machine, reproducibly)
 * @param sharedRate the simulator's limit and the client's rate in the shared-limit section, by default the vendor's
 * 1 call per second (the rate the goals are stated at)
 * @param failoverHosts the clusters of the failover section, each measured on its own: nodes on one host, nodes
 * on distinct hosts (each given a host of its own); by default both
 */
record BenchOptions(boolean json, Set<String> sections, double callsPerSecond, int windows, int callers,
		int minLatencyMillis, int maxLatencyMillis, double faultShare, int pipelineTasks, List<Long> excelRows,
		int excelHeapMb, long analysisRows, int startupRuns, Path workDir, Path jar, Path startupBaseline,
		int failoverRuns, String arrivalMargin, int pipelineLoad, double sharedRate,
		List<FailoverBenchmark.Hosts> failoverHosts) {

	static final List<String> ALL_SECTIONS = List.of("rate", "incremental", "pipeline", "excel", "analysis",
			"startup", "shared", "failover");

	static BenchOptions parse(String... args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg == null || arg.isBlank()) {
				continue;
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; options are --name=value");
			}
			int equals = arg.indexOf('=');
			String name = (equals < 0) ? arg.substring(2) : arg.substring(2, equals);
			String value = (equals < 0) ? "true" : arg.substring(equals + 1);
			values.put(name, value);
		}
		BenchOptions options = new BenchOptions(Boolean.parseBoolean(values.remove("json")),
				sections(values.remove("only")), doubleValue(values.remove("rate"), 20),
				intValue(values.remove("windows"), 300), intValue(values.remove("callers"), 4),
				intValue(values.remove("min-latency-ms"), 20), intValue(values.remove("max-latency-ms"), 80),
				doubleValue(values.remove("fault-share"), 0.05), intValue(values.remove("pipeline-tasks"), 1000),
				longs(values.remove("excel-rows"), List.of(100_000L, 1_000_000L)),
				intValue(values.remove("excel-heap-mb"), 256), longValue(values.remove("analysis-rows"), 10_000_000),
				intValue(values.remove("startup-runs"), 2),
				Path.of(values.getOrDefault("work-dir", "target/bench")).toAbsolutePath(),
				Path.of(values.getOrDefault("jar", "target/push-loss-report.jar")).toAbsolutePath(),
				Path.of(values.getOrDefault("startup-baseline", values.getOrDefault("jar", "target/push-loss-report.jar")))
					.toAbsolutePath(),
				intValue(values.remove("failover-runs"), 5), values.remove("arrival-margin"),
				intValue(values.remove("pipeline-load"), 0), doubleValue(values.remove("shared-rate"), 1),
				FailoverBenchmark.Hosts.parse(values.remove("failover-hosts")));
		values.remove("work-dir");
		values.remove("jar");
		values.remove("startup-baseline");
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown option(s) " + values.keySet() + "; see doc/bench.md");
		}
		return options;
	}

	boolean runs(String section) {
		return this.sections.contains(section);
	}

	private static Set<String> sections(String value) {
		if (value == null || value.isBlank() || value.equals("all")) {
			return new LinkedHashSet<>(ALL_SECTIONS);
		}
		Set<String> sections = new LinkedHashSet<>();
		for (String name : value.toLowerCase(Locale.ROOT).split(",")) {
			if (!ALL_SECTIONS.contains(name.strip())) {
				throw new IllegalArgumentException("Unknown section '" + name + "'; sections are " + ALL_SECTIONS);
			}
			sections.add(name.strip());
		}
		return sections;
	}

	private static List<Long> longs(String value, List<Long> fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		return Arrays.stream(value.split(",")).map(String::strip).map(Long::parseLong).sorted().toList();
	}

	private static double doubleValue(String value, double fallback) {
		return (value == null || value.isBlank()) ? fallback : Double.parseDouble(value);
	}

	private static int intValue(String value, int fallback) {
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value);
	}

	private static long longValue(String value, long fallback) {
		return (value == null || value.isBlank()) ? fallback : Long.parseLong(value.replace("_", ""));
	}

}
