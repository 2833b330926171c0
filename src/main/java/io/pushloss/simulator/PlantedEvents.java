package io.pushloss.simulator;

import java.time.LocalDate;
import java.util.List;

import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The events planted in the synthetic data so that every weekly report has something to surface, whatever week it
 * covers. Weeks run Monday 00:00 to Monday 00:00 in the simulator's zone and are numbered by {@link #weekIndex}.
 * <ul>
 * <li><b>Rare code</b>: week {@code i} carries {@link #RARE_CODES}{@code [i % 8]} during an episode of two to four
 * days, and no other week within eight carries it. So in any week a code is new (absent the four weeks before) and
 * last week's rare code is resolved.</li>
 * <li><b>Spike</b>: in weeks with {@code i % 5 == 1} (2026-W46 is one) {@link #SPIKE_CODE} runs five to ten times
 * its normal volume for the whole week.</li>
 * </ul>
 * Which week gets what depends only on the week; the sizes (episode, multiplier) also depend on the seed.
 */
public final class PlantedEvents {

	/** Rare codes, one per week in rotation; each is absent from the everyday catalogue of its vendor. */
	public static final List<LossCode> RARE_CODES = List.of(post(Vendor.APNS, "413", "PayloadTooLarge"),
			post(Vendor.FCM, "SENDER_ID_MISMATCH", "SenderId mismatch"),
			post(Vendor.HUAWEI, "80200003", "OAuth token expired"), post(Vendor.XIAOMI, "21301", "auth failed"),
			post(Vendor.OPPO, "11", "invalid auth token"), post(Vendor.VIVO, "10094", "appId mismatch"),
			post(Vendor.FCM, "THIRD_PARTY_AUTH_ERROR", "Third-party authentication error"),
			post(Vendor.MEIZU, "110003", "illegal pushId"));

	/** The code that spikes: Huawei's invalid token, a mass token invalidation after an app release. */
	public static final LossCode SPIKE_CODE = post(Vendor.HUAWEI, "80300007", "invalid token");

	/** Spike weeks are those whose index modulo this period ... */
	public static final int SPIKE_PERIOD = 5;

	/** ... equals this phase (chosen so that the demo week 2026-W46 is a spike week). */
	public static final int SPIKE_PHASE = 1;

	/** Monday 1970-01-05, the start of week index 0. */
	private static final long FIRST_MONDAY_EPOCH_DAY = 4;

	private PlantedEvents() {
	}

	/** The number of a week counted from the week of Monday 1970-01-05 (index 0). */
	public static long weekIndex(IsoWeek week) {
		return weekIndexOfDay(week.monday().toEpochDay());
	}

	/** The index of the week a local date falls in. */
	public static long weekIndex(LocalDate date) {
		return weekIndexOfDay(date.toEpochDay());
	}

	/** The rare code planted in a week. */
	public static LossCode rareCode(IsoWeek week) {
		return rareCode(weekIndex(week));
	}

	/** Whether a week carries the spike of {@link #SPIKE_CODE}. */
	public static boolean isSpikeWeek(IsoWeek week) {
		return isSpikeWeek(weekIndex(week));
	}

	static long weekIndexOfDay(long localEpochDay) {
		return Math.floorDiv(localEpochDay - FIRST_MONDAY_EPOCH_DAY, 7);
	}

	static LossCode rareCode(long weekIndex) {
		return RARE_CODES.get((int) Math.floorMod(weekIndex, (long) RARE_CODES.size()));
	}

	static boolean isSpikeWeek(long weekIndex) {
		return Math.floorMod(weekIndex, SPIKE_PERIOD) == SPIKE_PHASE;
	}

	/** How many times its normal volume the spike code runs in a spike week: 5 to 10. */
	static double spikeMultiplier(long seed, long weekIndex) {
		return 5.0 + 5.0 * Hashing.unit(Hashing.hash(seed, weekIndex, 0x5B1CEL));
	}

	/** Whether the rare code of a week is active on a day of that week (0 = Monday): a 2 to 4 day episode. */
	static boolean rareEpisodeCovers(long seed, long weekIndex, int dayOfWeek) {
		long h = Hashing.hash(seed, weekIndex, 0xE91L);
		int firstDay = (int) Math.floorMod(h, 4L);
		int days = 2 + (int) Math.floorMod(h >>> 20, 3L);
		return dayOfWeek >= firstDay && dayOfWeek < firstDay + days;
	}

	private static LossCode post(Vendor vendor, String code, String info) {
		return new LossCode(Stage.POST_SEND_DELIVERED, vendor, EventType.OFFLINE, code, info);
	}

}
