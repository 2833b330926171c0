package io.pushloss.report.excel;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import io.pushloss.analysis.SampleReports;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.RawRowSource;
import io.pushloss.store.StoredLossRow;

/**
 * Generated stored rows of {@link SampleReports#WEEK}: any number of them, produced on the fly and never held in a
 * list, like a streamed database query.
 */
final class RawRowFixtures {

	static final String[] CODES = { "410", "80300007", "10034", "regid_invalid", "UNREGISTERED", "-1" };

	private RawRowFixtures() {
	}

	/** Hourly windows of the week, one row per index; vendor {@code null} on every seventh row (stage level). */
	static RawRowSource generated(long count) {
		return new RawRowSource() {

			@Override
			public long count() {
				return count;
			}

			@Override
			public Iterator<StoredLossRow> rows() {
				return LongStream.range(0, count).mapToObj(RawRowFixtures::row).iterator();
			}

		};
	}

	static StoredLossRow row(long index) {
		Instant weekStart = SampleReports.WEEK.start(SampleReports.ZONE).toInstant();
		Instant start = weekStart.plus(Duration.ofHours(index % 168));
		LossSource source = (index % 2 == 0) ? LossSource.ALL_MEMBER : LossSource.NORMAL;
		String task = (source == LossSource.ALL_MEMBER && index % 4 == 0) ? SampleReports.TASK_PROMO : "";
		Stage stage = (index % 3 == 0) ? Stage.READY_TO_SEND : Stage.POST_SEND_DELIVERED;
		EventType eventType = (source == LossSource.NORMAL) ? EventType.UNSPECIFIED : EventType.OFFLINE;
		Vendor vendor = (index % 7 == 0) ? null : Vendor.fromCode((int) (index % 9));
		String code = CODES[(int) (index % CODES.length)];
		return new StoredLossRow(SampleReports.SDK_APP_ID, source, task, start, start.plus(Duration.ofHours(1)),
				stage, eventType, vendor, code, 1 + index % 1000, "info " + code);
	}

	/** Feeds the rows to a consumer (for the bare SXSSF loop of the benchmark). */
	static void forEach(long count, Consumer<StoredLossRow> consumer) {
		generated(count).rows().forEachRemaining(consumer);
	}

}
