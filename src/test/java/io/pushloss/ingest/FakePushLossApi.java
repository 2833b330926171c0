package io.pushloss.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.pushloss.api.ApiErrorKind;
import io.pushloss.api.LossQuery;
import io.pushloss.api.LossResponse;
import io.pushloss.api.PushLossApi;
import io.pushloss.api.PushLossApiException;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * An in-memory {@link PushLossApi}: deterministic rows per (source, task, start, end, generation), a call counter,
 * and failures on demand (the k-th call, or every call with a fatal error).
 */
public class FakePushLossApi implements PushLossApi {

	private final AtomicInteger calls = new AtomicInteger();

	private final List<LossQuery> queries = new ArrayList<>();

	private volatile int failOnCall;

	private volatile PushLossApiException fatal;

	private volatile int generation;

	private volatile int oversizedOnCall;

	@Override
	public synchronized LossResponse fetch(LossQuery query) {
		int call = this.calls.incrementAndGet();
		this.queries.add(query);
		if (this.fatal != null) {
			throw this.fatal;
		}
		if (call == this.failOnCall) {
			throw new PushLossApiException(ApiErrorKind.RETRYABLE, 70398, query,
					query.source().apiName() + " kept answering ErrorCode 70398 (frequency limit) for " + query
							+ "; gave up after 5 attempts. Run the week again later to continue");
		}
		List<LossRow> rows = new ArrayList<>(rows(query, this.generation));
		if (call == this.oversizedOnCall) {
			rows.add(new LossRow(rows.get(0).taskId(), Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, "9".repeat(300),
					1, ""));
		}
		return new LossResponse(query, rows);
	}

	/** The rows this fake answers for a query with a data generation. */
	public static List<LossRow> rows(LossQuery query, int generation) {
		List<LossRow> rows = new ArrayList<>();
		List<String> tasks = query.taskIds().isEmpty() ? List.of("") : query.taskIds();
		for (String task : tasks) {
			Random random = new Random(
					(query.source() + "|" + task + "|" + query.startTime() + "|" + query.endTime() + "|" + generation)
						.hashCode());
			rows.add(new LossRow(task, Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, "70001",
					random.nextInt(1000), "certificate not set"));
			rows.add(new LossRow(task, Stage.POST_SEND_DELIVERED, null, EventType.UNSPECIFIED, "-1",
					random.nextInt(1000), ""));
			if (query.source() == LossSource.ALL_MEMBER) {
				int vendors = 1 + random.nextInt(3);
				for (int v = 0; v < vendors; v++) {
					rows.add(new LossRow(task, Stage.POST_SEND_DELIVERED, Vendor.fromCode(1 + v),
							(v % 2 == 0) ? EventType.OFFLINE : EventType.ONLINE, "1000" + v, random.nextInt(500),
							"token invalid"));
				}
			}
		}
		return rows;
	}

	/** Calls made so far (including failed ones). */
	public int calls() {
		return this.calls.get();
	}

	/** The queries asked so far, in order. */
	public synchronized List<LossQuery> queries() {
		return List.copyOf(this.queries);
	}

	/** Makes the {@code k}-th call from now on (1 = the next) fail with a RETRYABLE error; 0 turns it off. */
	public void failOnCall(int k) {
		this.failOnCall = (k > 0) ? this.calls.get() + k : 0;
	}

	/**
	 * Makes the {@code k}-th call from now on answer an extra row whose ErrCode is too long for the store, so that
	 * storing the window fails after its old rows were deleted.
	 */
	public void answerOversizedCodeOnCall(int k) {
		this.oversizedOnCall = (k > 0) ? this.calls.get() + k : 0;
	}

	/** Makes every call fail with a fatal error carrying this message; {@code null} turns it off. */
	public void failFatally(String message) {
		this.fatal = (message != null) ? new PushLossApiException(ApiErrorKind.FATAL, 70009, null, message) : null;
	}

	/** Changes the data every query answers from now on (the vendor corrected its figures). */
	public void setGeneration(int generation) {
		this.generation = generation;
	}

	public int generation() {
		return this.generation;
	}

	/** Back to a clean state. */
	public synchronized void reset() {
		this.calls.set(0);
		this.queries.clear();
		this.failOnCall = 0;
		this.oversizedOnCall = 0;
		this.fatal = null;
		this.generation = 0;
	}

}
