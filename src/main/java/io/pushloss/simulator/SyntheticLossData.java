package io.pushloss.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The simulator's deterministic synthetic push-loss data.
 * <p>
 * Losses are counted in hourly buckets aligned to the epoch hour, one count per (stream, code, hour) drawn from a
 * hash of the seed, so nothing is stored and a week of one stream takes well under a millisecond. A range
 * {@code [start, end)} holds the buckets whose start lies in it: splitting a range into days and adding them up gives
 * exactly the figures of the whole range. Streams are overall push-to-all ({@code taskId ""}), each push-to-all
 * task (any id, smaller volumes), and normal push. {@link PlantedEvents} describes what every week has to surface.
 */
public final class SyntheticLossData {

	private static final int SECONDS_PER_HOUR = 3600;

	private static final Comparator<LossRow> ROW_ORDER = Comparator.comparing(LossRow::stage)
		.thenComparing(Comparator.comparingLong(LossRow::errCount).reversed())
		.thenComparing(row -> (row.vendor() != null) ? row.vendor().code() : -1)
		.thenComparing(row -> row.eventType().code())
		.thenComparing(LossRow::errCode);

	private final long seed;

	private final ZoneId zone;

	private final ZoneRules rules;

	private final boolean chineseErrInfo;

	public SyntheticLossData(long seed, ZoneId zone) {
		this(seed, zone, false);
	}

	/** @param chineseErrInfo whether the Chinese vendors' and Tencent's descriptions are in Chinese */
	public SyntheticLossData(long seed, ZoneId zone, boolean chineseErrInfo) {
		this.seed = seed;
		this.zone = Objects.requireNonNull(zone, "zone");
		this.rules = zone.getRules();
		this.chineseErrInfo = chineseErrInfo;
	}

	public long seed() {
		return this.seed;
	}

	/** The zone whose local days and Monday-to-Monday weeks shape the data. */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Exactly what the simulator answers for a range: the stage-level rows (vendor {@code null}, event type
	 * unspecified, each the sum of the platform rows with its code) followed by the per-vendor platform rows. Rows
	 * with a zero count are left out. Normal push rows carry {@link EventType#UNSPECIFIED}, as its API omits
	 * {@code EventType}.
	 * @param source which API
	 * @param taskId a push-to-all TaskID, or {@code ""} for overall statistics and for normal push
	 * @param startEpochSecond range start, inclusive
	 * @param endEpochSecond range end, exclusive; an empty or inverted range has no rows
	 */
	public List<LossRow> rows(LossSource source, String taskId, long startEpochSecond, long endEpochSecond) {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(taskId, "taskId");
		if (source == LossSource.NORMAL && !taskId.isEmpty()) {
			throw new IllegalArgumentException("normal_push_loss has no tasks, got TaskID '" + taskId + "'");
		}
		return toRows(source, taskId, counts(new LossStream(this.seed, source, taskId), source, startEpochSecond,
				endEpochSecond));
	}

	private Map<LossCode, Long> counts(LossStream stream, LossSource source, long start, long end) {
		List<LossCatalog.Entry> entries = LossCatalog.ENTRIES;
		long[] everyday = new long[entries.size()];
		Map<LossCode, Long> counts = new HashMap<>();
		for (long hour = ceilDiv(start, SECONDS_PER_HOUR), last = ceilDiv(end, SECONDS_PER_HOUR); hour < last;
				hour++) {
			LossStream.Hour located = locate(hour);
			for (int i = 0; i < everyday.length; i++) {
				everyday[i] += stream.everyday(i, located);
			}
			LossCode rareCode = PlantedEvents.rareCode(located.weekIndex());
			long rare = stream.rare(rareCode, located);
			if (rare > 0) {
				counts.merge(rareCode, rare, Long::sum);
			}
		}
		for (int i = 0; i < everyday.length; i++) {
			if (everyday[i] > 0) {
				counts.merge(entries.get(i).code(), everyday[i], Long::sum);
			}
		}
		return counts;
	}

	private String errInfo(LossCode code) {
		return this.chineseErrInfo ? LossCatalog.chinese(code) : code.errInfo();
	}

	private LossStream.Hour locate(long epochHour) {
		long epochSecond = epochHour * SECONDS_PER_HOUR;
		long local = epochSecond + this.rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
		long localDay = Math.floorDiv(local, 86_400L);
		int dayOfWeek = (int) Math.floorMod(localDay + 3, 7L); // epoch day 0 was a Thursday
		int hourOfDay = (int) (Math.floorMod(local, 86_400L) / SECONDS_PER_HOUR);
		return new LossStream.Hour(epochHour, PlantedEvents.weekIndexOfDay(localDay), dayOfWeek, hourOfDay);
	}

	private List<LossRow> toRows(LossSource source, String taskId, Map<LossCode, Long> counts) {
		Map<RowKey, Aggregate> stageRows = new HashMap<>();
		Map<RowKey, Aggregate> platformRows = new HashMap<>();
		counts.forEach((code, count) -> {
			EventType eventType = (source == LossSource.NORMAL) ? EventType.UNSPECIFIED : code.eventType();
			platformRows.computeIfAbsent(new RowKey(code.stage(), code.vendor(), eventType, code.errCode()),
					key -> new Aggregate())
				.add(errInfo(code), count);
			stageRows.computeIfAbsent(new RowKey(code.stage(), null, EventType.UNSPECIFIED, code.errCode()),
					key -> new Aggregate())
				.add(errInfo(code), count);
		});
		List<LossRow> stage = new ArrayList<>();
		stageRows.forEach((key, aggregate) -> stage.add(aggregate.toRow(taskId, key)));
		stage.sort(ROW_ORDER);
		List<LossRow> platform = new ArrayList<>();
		platformRows.forEach((key, aggregate) -> platform.add(aggregate.toRow(taskId, key)));
		platform.sort(ROW_ORDER);
		List<LossRow> rows = new ArrayList<>(stage);
		rows.addAll(platform);
		return List.copyOf(rows);
	}

	private static long ceilDiv(long value, long divisor) {
		return -Math.floorDiv(-value, divisor);
	}

	private record RowKey(Stage stage, Vendor vendor, EventType eventType, String errCode) {
	}

	/** Adds counts up and keeps the description of the largest contribution, as the API's "most frequent". */
	private static final class Aggregate {

		private long total;

		private long topCount = -1;

		private String topInfo = "";

		void add(String info, long count) {
			this.total += count;
			if (count > this.topCount || (count == this.topCount && info.compareTo(this.topInfo) < 0)) {
				this.topCount = count;
				this.topInfo = info;
			}
		}

		LossRow toRow(String taskId, RowKey key) {
			return new LossRow(taskId, key.stage(), key.vendor(), key.eventType(), key.errCode(), this.total,
					this.topInfo);
		}

	}

}
