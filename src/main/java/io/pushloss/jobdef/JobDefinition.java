package io.pushloss.jobdef;

import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * @param displayName the human title of the report ({@code display-name}; the job's name when not set)
 * @param locale the language of the report's documents and of the email to {@code recipients} ({@code locale}:
 * {@link Locale#ENGLISH} or {@link Locale#SIMPLIFIED_CHINESE}; English when not set)
 * @param baselineDetail how finely the baseline weeks are fetched ({@code baseline-detail}; weekly when not set)
 */
public record JobDefinition(String name, ZoneId zone, String schedule, ApiSettings api, Sources sources, Period window,
		int baselineWeeks, Recipients recipients, List<String> owners, ArchiveSettings archive, Path file,
		String displayName, Locale locale, BaselineDetail baselineDetail) {

	/** The report language when a job file does not name one. */
	public static final Locale DEFAULT_LOCALE = Locale.ENGLISH;

	public JobDefinition {
		Objects.requireNonNull(name, "name");
		displayName = (displayName == null || displayName.isBlank()) ? name : displayName.strip();
		locale = (locale != null) ? locale : DEFAULT_LOCALE;
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

	/** A job with its baseline weeks fetched weekly (the shape of job files before {@code baseline-detail}). */
	public JobDefinition(String name, ZoneId zone, String schedule, ApiSettings api, Sources sources, Period window,
			int baselineWeeks, Recipients recipients, List<String> owners, ArchiveSettings archive, Path file,
			String displayName, Locale locale) {
		this(name, zone, schedule, api, sources, window, baselineWeeks, recipients, owners, archive, file,
				displayName, locale, null);
	}

	/** This job with its baseline weeks fetched as finely as {@code detail} says. */
	public JobDefinition withBaselineDetail(BaselineDetail detail) {
		return new JobDefinition(this.name, this.zone, this.schedule, this.api, this.sources, this.window,
				this.baselineWeeks, this.recipients, this.owners, this.archive, this.file, this.displayName, this.locale,
				detail);
	}

	/** A job in English titled by its name (the shape of job files before {@code locale} and {@code display-name}). */
	public JobDefinition(String name, ZoneId zone, String schedule, ApiSettings api, Sources sources, Period window,
			int baselineWeeks, Recipients recipients, List<String> owners, ArchiveSettings archive, Path file) {
		this(name, zone, schedule, api, sources, window, baselineWeeks, recipients, owners, archive, file, null,
				null);
	}

	/**
	 * Every group of recipients with the language it reads: first {@code recipients.to/cc/bcc} in the job's
	 * {@link #locale()}, then each of {@code recipients.groups} in its own (the loader guarantees that no two share
	 * a language).
	 */
	public List<RecipientGroup> recipientGroups() {
		List<RecipientGroup> groups = new ArrayList<>();
		groups.add(new RecipientGroup(this.locale, this.recipients.to(), this.recipients.cc(), this.recipients.bcc()));
		groups.addAll(this.recipients.groups());
		return List.copyOf(groups);
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

	/**
	 * Email recipients; {@code bcc} never appears in headers.
	 *
	 * @param to the recipients who read the job's {@link JobDefinition#locale() locale}
	 * @param cc copied, in the job's locale
	 * @param bcc blind-copied, in the job's locale
	 * @param groups more recipients, each group in its own language (none of them the job's)
	 */
	public record Recipients(List<String> to, List<String> cc, List<String> bcc, List<RecipientGroup> groups) {

		public Recipients {
			to = List.copyOf(to);
			cc = List.copyOf(cc);
			bcc = List.copyOf(bcc);
			groups = (groups != null) ? List.copyOf(groups) : List.of();
		}

		/** Recipients without groups: everyone reads the job's language. */
		public Recipients(List<String> to, List<String> cc, List<String> bcc) {
			this(to, cc, bcc, List.of());
		}

	}

	/**
	 * Recipients who read the report in one language: {@code recipients.groups[i]} in a job file, or the job's own
	 * recipients (see {@link JobDefinition#recipientGroups()}).
	 *
	 * @param locale the language of their email
	 */
	public record RecipientGroup(Locale locale, List<String> to, List<String> cc, List<String> bcc) {

		public RecipientGroup {
			Objects.requireNonNull(locale, "locale");
			to = List.copyOf(to);
			cc = List.copyOf(cc);
			bcc = List.copyOf(bcc);
		}

		/** The language tag, {@code en} or {@code zh-CN}. */
		public String languageTag() {
			return this.locale.toLanguageTag();
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
