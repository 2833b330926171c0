package io.pushloss.bench;

import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.SimulatorSettings;

/** Job definitions of the benchmark: simulator jobs with daily windows and four baseline weeks. */
final class BenchJobs {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BenchJobs() {
	}

	/** A job on the embedded simulator (or the base URL, when given) reading normal push and these tasks. */
	static JobDefinition job(String name, long sdkAppId, List<String> tasks, String baseUrl, Path archive) {
		SimulatorSettings simulator = SimulatorSettings.defaults();
		JobDefinition.ApiSettings api = new JobDefinition.ApiSettings(null, baseUrl, sdkAppId,
				simulator.identifier(), "PUSHLOSS_BENCH_SECRET_KEY", baseUrl == null, simulator.seed());
		return new JobDefinition(name, ZONE, "0 0 9 ? * MON", api, new JobDefinition.Sources(true, tasks),
				Period.ofDays(1), 4,
				new JobDefinition.Recipients(List.of("pm@example.com"), List.of(), List.of()),
				List.of("oncall@example.com"), new JobDefinition.ArchiveSettings(archive, 52), null);
	}

	/** {@code task-0001} to {@code task-<n>}. */
	static List<String> tasks(int n) {
		List<String> tasks = new ArrayList<>(n);
		for (int i = 1; i <= n; i++) {
			tasks.add(String.format("task-%04d", i));
		}
		return tasks;
	}

}
