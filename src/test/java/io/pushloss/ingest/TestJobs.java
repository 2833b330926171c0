package io.pushloss.ingest;

import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import io.pushloss.domain.Region;
import io.pushloss.jobdef.JobDefinition;

/**
 * Job definitions for tests.
 */
public final class TestJobs {

	private TestJobs() {
	}

	public static JobDefinition job(String name, long appId, String zone, Period window, int baselineWeeks,
			boolean normal, List<String> tasks) {
		return new JobDefinition(name, ZoneId.of(zone), "0 0 7 ? * MON",
				new JobDefinition.ApiSettings(Region.SINGAPORE, null, appId, "administrator", "PUSHLOSS_SECRET_KEY",
						false, 0),
				new JobDefinition.Sources(normal, tasks), window, baselineWeeks,
				new JobDefinition.Recipients(List.of("ops@example.com"), List.of(), List.of()), List.of(),
				new JobDefinition.ArchiveSettings(null, null), null);
	}

	/** TaskIDs {@code task-1} to {@code task-n}. */
	public static List<String> tasks(int n) {
		return IntStream.rangeClosed(1, n).mapToObj((i) -> "task-" + i).toList();
	}

}
