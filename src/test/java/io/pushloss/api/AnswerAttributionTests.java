package io.pushloss.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An answer is only ever the rows of the call that asked for it. Two clients of one application (as two processes)
 * fetch the overall and the task-group windows of the same days concurrently while the vendor answers 60007 to
 * some calls and, to others, the answer of another call (a task query answered with the window's overall
 * statistics, {@code TaskID ""}): every fetch returns exactly its own tasks' rows, none of another call's, and the
 * misdirected answers are asked again instead of failing the window. Today's parser let such overall rows through
 * as the task group's, and the store refused them ("has rows for TaskID '', which was not asked for"), failing the
 * run and losing the correct answer.
 */
class AnswerAttributionTests {

	private static final List<String> TASKS = List.of("t-1", "t-2", "t-3", "t-4", "t-5");

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Test
	void concurrentCallsUnder60007AndMisdirectedAnswersGetOnlyTheirOwnRows() throws Exception {
		FaultSettings faults = new FaultSettings(0.35, List.of(Fault.ERROR_60007, Fault.OVERALL_FOR_TASKS), 11,
				Duration.ZERO);
		// The faults are drawn, never caused by arrivals bunching up on a loaded machine (the simulator does not
		// limit), and a call has attempts enough that all of them failing (0.35^10 per call) never ends the test.
		try (PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
			.withCallsPerSecond(Double.POSITIVE_INFINITY)
			.withLatency(Duration.ofMillis(1), Duration.ofMillis(8))
			.withFaults(faults))) {
			List<PushLossClient> clients = List.of(client(simulator, 10), client(simulator, 10));
			ConcurrentLinkedQueue<String> misattributed = new ConcurrentLinkedQueue<>();
			ExecutorService threads = Executors.newFixedThreadPool(4);
			try {
				List<CompletableFuture<Void>> calls = new ArrayList<>();
				// two threads per client: one fetches the overall windows, the other the task group's, of the same days
				for (PushLossClient client : clients) {
					for (boolean overall : new boolean[] { true, false }) {
						calls.add(CompletableFuture.runAsync(() -> {
							for (LossQuery query : queries(overall)) {
								for (LossRow row : client.fetch(query).rows()) {
									if (!query.taskIds().isEmpty() ? !query.taskIds().contains(row.taskId())
											: !row.taskId().isEmpty()) {
										misattributed.add(query + " returned a row of TaskID '" + row.taskId() + "'");
									}
								}
							}
						}, threads));
					}
				}
				CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
			}
			finally {
				threads.shutdownNow();
			}

			assertThat(misattributed).as("rows of another call").isEmpty();
			long retries = clients.stream().mapToLong((client) -> client.stats().retries()).sum();
			assertThat(retries).as("60007s and misdirected answers were asked again").isPositive();
		}
	}

	@Test
	void aTaskQueryAnsweredWithTheOverallStatisticsIsAskedAgainAndNeverReturned() {
		try (PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
			.withCallsPerSecond(Double.POSITIVE_INFINITY)
			.withFaults(FaultSettings.always(Fault.OVERALL_FOR_TASKS)))) {
			PushLossClient client = client(simulator, 4);
			LossQuery tasks = new LossQuery(LossSource.ALL_MEMBER, day(0), day(1), TASKS);

			assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> client.fetch(tasks))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
				.withMessageContaining("gave up after 4 attempts: the answer belongs to another call: "
						+ "Results[0].TaskID is \"\": overall statistics, but this call asked for tasks " + TASKS);
			assertThat(simulator.calls()).isEqualTo(4);
			assertThat(client.fetch(LossQuery.overall(LossSource.ALL_MEMBER, day(0), day(1))).rows())
				.as("the overall query is answered as usual").isNotEmpty()
				.allSatisfy((row) -> assertThat(row.taskId()).isEmpty());
		}
	}

	private static List<LossQuery> queries(boolean overall) {
		List<LossQuery> queries = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			queries.add(overall ? LossQuery.overall(LossSource.ALL_MEMBER, day(d), day(d + 1))
					: new LossQuery(LossSource.ALL_MEMBER, day(d), day(d + 1), TASKS));
		}
		return queries;
	}

	/** Midnight in Shanghai of a day of 2026-W45. */
	private static long day(int offset) {
		return LocalDate.of(2026, 11, 2).plusDays(offset).atStartOfDay(ZONE).toEpochSecond();
	}

	private static PushLossClient client(PushLossSimulator simulator, int attempts) {
		return new PushLossClient(ApiClientSettings.of(simulator.baseUrl(), simulator.settings().sdkAppId(),
				simulator.settings().identifier(), simulator.settings().secretKey())
			.withCallsPerSecond(200)
			.withRetries(attempts, Duration.ofMillis(1), Duration.ofMillis(5)));
	}

}
