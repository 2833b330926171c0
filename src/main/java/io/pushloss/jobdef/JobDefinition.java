package io.pushloss.jobdef;

import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import io.pushloss.domain.Region;

/**
 * A validated report job, loaded from one {@code jobs/*.yml} file by {@link JobDefinitionLoader}. Everything here
 * has been checked: the zone exists, the cron parses, addresses are well formed.
 *
 * @param name {@code [a-z0-9-]+}, used in file names and as the Spring Batch job identity
 * @param zone the zone whose Monday-to-Monday ISO weeks the report covers
 * @param schedule a Quartz cron expression evaluated in {@code zone} (used by {@code serve}; never {@code null} from the loader)
 * @param api where and how to call the vendor
 * @param sources which APIs and TaskIDs to read
 * @param window the fetch granularity, one to seven days
 * @param baselineWeeks the number of trailing weeks before W (W-1 back to W-n) kept for comparison
 * @param recipients who receives the weekly email
 * @param owners who is told when a run fails
 * @param archive where reports are archived
 * @param file the file this definition was loaded from (for messages), may be {@code null} in tests
 * @param baselineDetail how finely the baseline weeks are fetched ({@code baseline-detail}; weekly when not set)
 */
public record JobDefinition(String name, ZoneId zone, String schedule, ApiSettings api, Sources sources, Period window,
		int baselineWeeks, Recipients recipients, List<String> owners, ArchiveSettings archive, Path file,
		BaselineDetail baselineDetail) {

	public JobDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(api, "api");
		Objects.requireNonNull(sources, "sources");
		Objects.requireNonNull(window, "window");
		if (baselineWeeks < 1) {
			// the report compares W with W-1 at least: W-1 is the first baseline week
			throw new IllegalArgumentException("baselineWeeks must be at least 1, was " + baselineWeeks);
		}
		Objects.requireNonNull(recipients, "recipients");
		owners = List.copyOf(owners);
		Objects.requireNonNull(archive, "archive");
		baselineDetail = (baselineDetail != null) ? baselineDetail : BaselineDetail.WEEKLY;
	}

	/** A job whose baseline weeks are fetched weekly (the shape of job files before {@code baseline-detail}). */
	public JobDefinition(String name, ZoneId zone, String schedule, ApiSettings api, Sources sources, Period window,
			int baselineWeeks, Recipients recipients, List<String> owners, ArchiveSettings archive, Path file) {
		this(name, zone, schedule, api, sources, window, baselineWeeks, recipients, owners, archive, file, null);
	}

	/** This job with its baseline weeks fetched as finely as {@code detail} says. */
	public JobDefinition withBaselineDetail(BaselineDetail detail) {
		return new JobDefinition(this.name, this.zone, this.schedule, this.api, this.sources, this.window,
				this.baselineWeeks, this.recipients, this.owners, this.archive, this.file, detail);
	}

	/**
	 * Where and how to call the vendor.
	 *
	 * @param region the data centre, or {@code null} when {@code baseUrl} is given (or for a simulator job)
	 * @param baseUrl an explicit base URL such as {@code http://127.0.0.1:8089} (no trailing slash), or
	 * {@code null}; never set together with {@code region}. Both are ignored when {@code simulator} is set.
	 * @param sdkAppId the application's SDKAppID
	 * @param identifier the App administrator account
	 * @param secretKeyEnv the environment variable that holds the secret key
	 * @param simulator whether to start the embedded simulator and call it instead of the vendor
	 * @param simulatorSeed the simulator's data seed (only with {@code simulator})
	 */
	public record ApiSettings(Region region, String baseUrl, long sdkAppId, String identifier, String secretKeyEnv,
			boolean simulator, long simulatorSeed) {
	}

	/**
	 * @param normal whether to read {@code normal_push_loss}
	 * @param allMemberTasks TaskIDs to break {@code all_member_push_loss} down by; overall statistics are always
	 * read
	 */
	public record Sources(boolean normal, List<String> allMemberTasks) {

		public Sources {
			allMemberTasks = List.copyOf(allMemberTasks);
		}

	}

	/** Email recipients; {@code bcc} never appears in headers. */
	public record Recipients(List<String> to, List<String> cc, List<String> bcc) {

		public Recipients {
			to = List.copyOf(to);
			cc = List.copyOf(cc);
			bcc = List.copyOf(bcc);
		}

	}

	/**
	 * @param dir the archive root (may be a network share), as written in the job file (a relative path resolves
	 * against the current directory); {@code null} when not set, meaning {@code <data-dir>/archive}
	 * @param keepWeeks how many weeks to keep, {@code null} for unlimited
	 */
	public record ArchiveSettings(Path dir, Integer keepWeeks) {

		/** The archive root: {@code dir}, or {@code <dataDir>/archive} when the job file does not set one. */
		public Path resolveDir(Path dataDir) {
			return (this.dir != null) ? this.dir : dataDir.resolve("archive");
		}

	}

}
