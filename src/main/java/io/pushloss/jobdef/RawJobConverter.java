package io.pushloss.jobdef;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pushloss.domain.Region;

/**
 * Turns a {@link RawJob} that passed Bean Validation into a {@link JobDefinition}: applies defaults, converts
 * text to types, and checks the rules that involve more than one value (region versus base URL, unique TaskIDs).
 */
final class RawJobConverter {

	private final Path file;

	RawJobConverter(Path file) {
		this.file = file;
	}

	JobDefinition convert(RawJob raw) {
		RawJob.Sources sources = (raw.sources() != null) ? raw.sources() : new RawJob.Sources(null, null);
		RawJob.Recipients recipients = raw.recipients();
		RawJob.Archive archive = (raw.archive() != null) ? raw.archive() : new RawJob.Archive(null, null);
		Locale locale = (raw.locale() != null) ? ValueFormat.toLocale(raw.locale()) : JobDefinition.DEFAULT_LOCALE;
		return new JobDefinition(raw.name(), ZoneId.of(raw.zone()), raw.schedule().strip(), api(raw.api()),
				new JobDefinition.Sources(orDefault(sources.normal(), true), tasks(sources.allMemberTasks())),
				(raw.window() != null) ? Period.parse(raw.window()) : JobDefinitionLoader.DEFAULT_WINDOW,
				orDefault(raw.baselineWeeks(), JobDefinitionLoader.DEFAULT_BASELINE_WEEKS),
				new JobDefinition.Recipients(recipients.to(), orEmpty(recipients.cc()), orEmpty(recipients.bcc()),
						groups(locale, orEmpty(recipients.groups()))),
				orEmpty(raw.owners()), new JobDefinition.ArchiveSettings(archiveDir(archive.dir()), archive.keepWeeks()),
				this.file, raw.displayName(), locale,
				(raw.baselineDetail() != null) ? BaselineDetail.fromKey(raw.baselineDetail()) : null);
	}

	/** Each group in a language of its own, none in the job's: one run mails each language once. */
	private List<JobDefinition.RecipientGroup> groups(Locale jobLocale, List<RawJob.RecipientGroup> raw) {
		List<JobDefinition.RecipientGroup> groups = new ArrayList<>();
		Map<Locale, Integer> seen = new HashMap<>();
		for (int i = 0; i < raw.size(); i++) {
			RawJob.RecipientGroup group = raw.get(i);
			Locale locale = ValueFormat.toLocale(group.locale());
			if (locale.equals(jobLocale)) {
				throw problem("recipients.groups[" + i + "].locale", "is the job's own locale ("
						+ jobLocale.toLanguageTag() + "): list these addresses under recipients.to/cc/bcc instead, got "
						+ Problem.quote(group.locale()));
			}
			Integer earlier = seen.putIfAbsent(locale, i);
			if (earlier != null) {
				throw problem("recipients.groups[" + i + "].locale", "repeats the locale of recipients.groups["
						+ earlier + "]: put one language's addresses in one group, got " + Problem.quote(group.locale()));
			}
			groups.add(new JobDefinition.RecipientGroup(locale, group.to(), orEmpty(group.cc()), orEmpty(group.bcc())));
		}
		return groups;
	}

	private JobDefinition.ApiSettings api(RawJob.Api api) {
		boolean simulator = orDefault(api.simulator(), false);
		if (api.region() != null && api.baseUrl() != null) {
			throw problem("api", "set either region or base-url, not both");
		}
		if (api.region() == null && api.baseUrl() == null && !simulator) {
			throw problem("api", "set region (china, singapore, seoul, frankfurt, silicon-valley or jakarta) "
					+ "or base-url, or simulator: true");
		}
		Region region = (api.region() != null) ? Region.fromKey(api.region()) : null;
		String baseUrl = (api.baseUrl() != null) ? api.baseUrl().replaceAll("/+$", "") : null;
		return new JobDefinition.ApiSettings(region, baseUrl, api.sdkappid(), api.identifier(), api.secretKeyEnv(),
				simulator, orDefault(api.simulatorSeed(), JobDefinitionLoader.DEFAULT_SIMULATOR_SEED));
	}

	private List<String> tasks(List<String> tasks) {
		if (tasks == null) {
			return List.of();
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < tasks.size(); i++) {
			Integer earlier = seen.putIfAbsent(tasks.get(i), i);
			if (earlier != null) {
				throw problem("sources.all-member-tasks[" + i + "]",
						"repeats TaskID " + Problem.quote(tasks.get(i)) + " already listed at [" + earlier + "]");
			}
		}
		return tasks;
	}

	/** Unset means {@code <data-dir>/archive}, decided by whoever knows the data directory. */
	private Path archiveDir(String dir) {
		if (dir == null) {
			return null;
		}
		try {
			return Path.of(dir.strip());
		}
		catch (InvalidPathException ex) {
			throw problem("archive.dir", "is not a valid path (" + ex.getReason() + "), got " + Problem.quote(dir));
		}
	}

	private InvalidJobDefinitionException problem(String field, String reason) {
		return new Problem(field, reason).toException(this.file, null);
	}

	private static <T> T orDefault(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
