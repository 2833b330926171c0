package io.pushloss.simulator;

import io.pushloss.domain.LossSource;

/**
 * One independent series of synthetic losses: overall push-to-all, one push-to-all task, or normal push. Each
 * count is a closed-form function of (seed, stream, code, hour), so ranges can be summed hour by hour in any split.
 */
final class LossStream {

	private static final double RARE_HOURLY_MEAN = 2.0;

	private final long seed;

	private final LossSource source;

	private final long key;

	private final double scale;

	/** Per catalogue entry: the code's hash and its hourly mean in this stream before rhythm, drift and spikes. */
	private final long[] codeKeys;

	private final double[] baseMeans;

	LossStream(long seed, LossSource source, String taskId) {
		this.seed = seed;
		this.source = source;
		if (source == LossSource.NORMAL) {
			this.key = Hashing.hash(seed, 2);
			this.scale = 2.5;
		}
		else if (taskId.isEmpty()) {
			this.key = Hashing.hash(seed, 1);
			this.scale = 1.0;
		}
		else {
			// A task is one campaign: a small slice of the overall volume, with its own mix of vendors and codes.
			this.key = Hashing.hash(seed, 3, Hashing.of(taskId));
			this.scale = 0.04 + 0.16 * Hashing.unit(Hashing.hash(this.key, 0x5CA1EL));
		}
		int size = LossCatalog.ENTRIES.size();
		this.codeKeys = new long[size];
		this.baseMeans = new double[size];
		for (int i = 0; i < size; i++) {
			LossCatalog.Entry entry = LossCatalog.ENTRIES.get(i);
			this.codeKeys[i] = entry.code().key();
			this.baseMeans[i] = entry.hourlyMean() * this.scale * vendorFactor(entry.code())
					* codeFactor(this.codeKeys[i]);
		}
	}

	/** The count of catalogue entry {@code index} ({@link LossCatalog#ENTRIES}) in one hour. */
	long everyday(int index, Hour hour) {
		long codeKey = this.codeKeys[index];
		double mean = this.baseMeans[index] * WeeklyRhythm.factor(this.source, hour.dayOfWeek(), hour.hourOfDay())
				* weekFactor(codeKey, hour);
		if (index == LossCatalog.SPIKE_INDEX && PlantedEvents.isSpikeWeek(hour.weekIndex())) {
			mean *= PlantedEvents.spikeMultiplier(this.seed, hour.weekIndex());
		}
		return draw(mean, Hashing.hash(this.key, codeKey, hour.epochHour()));
	}

	/** The count of the week's rare code in one hour: at least 1 during its episode, 0 outside. */
	long rare(LossCode code, Hour hour) {
		if (!PlantedEvents.rareEpisodeCovers(this.seed, hour.weekIndex(), hour.dayOfWeek())) {
			return 0;
		}
		double mean = RARE_HOURLY_MEAN * this.scale
				* WeeklyRhythm.factor(this.source, hour.dayOfWeek(), hour.hourOfDay());
		return 1 + draw(mean, Hashing.hash(this.key, Hashing.of(code.errCode()), hour.epochHour(), 0xAE));
	}

	private double vendorFactor(LossCode code) {
		return 0.5 + Hashing.unit(Hashing.hash(this.key, 0xFE1D0L, code.vendor().code()));
	}

	private double codeFactor(long codeKey) {
		return 0.7 + 0.6 * Hashing.unit(Hashing.hash(this.key, 0xC0DEL, codeKey));
	}

	/** Week-to-week drift of a code, within +-20 %. */
	private double weekFactor(long codeKey, Hour hour) {
		return 0.8 + 0.4 * Hashing.unit(Hashing.hash(this.key, 0x3EEC, codeKey, hour.weekIndex()));
	}

	/** Noise within +-40 % of the mean, then rounded up or down with the fraction as probability. */
	private static long draw(double mean, long hash) {
		double x = mean * (0.6 + 0.8 * Hashing.unit(hash));
		long whole = (long) Math.floor(x);
		return whole + ((Hashing.unit(Hashing.mix(hash)) < x - whole) ? 1 : 0);
	}

	/**
	 * One hourly bucket, located in the simulator's zone.
	 *
	 * @param epochHour the bucket's start in hours since the epoch
	 * @param weekIndex the local week (see {@link PlantedEvents#weekIndex})
	 * @param dayOfWeek 0 = Monday
	 * @param hourOfDay 0 to 23, local
	 */
	record Hour(long epochHour, long weekIndex, int dayOfWeek, int hourOfDay) {
	}

}
