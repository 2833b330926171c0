package io.pushloss.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultDraws;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a vendor that misbehaves: transient faults are retried without changing the report or
 * storing anything twice; persistent and fatal ones fail the run with one clear message, fatal ones after a single
 * call; answers that break the contract fail the run and store nothing for their window.
 */
class VendorFaultsTests extends ReliabilityContext {

	private static final RunOptions NO_EMAIL = new RunOptions(false, false, false);

	private static final List<Fault> TRANSIENT = List.of(Fault.HTTP_502, Fault.ERROR_90102, Fault.ERROR_91000,
			Fault.ERROR_60007, Fault.DELAY, Fault.TRUNCATED_BODY);

	/** The week's 7 days and its baseline week in one window, each x (overall, 2 task groups, normal push). */
	private static final int CALLS_WITHOUT_FAULTS = 32;

	/** The store records a task group's window once per task: 8 ranges x (overall, 6 tasks, normal push). */
	private static final int STORED_WINDOWS = 64;

	@Autowired
	JobRepository jobRepository;

	@Test
	void tenPercentTransientFaultsChangeNothingInTheReportOrTheStore() {
		JobDefinition faultFree = job("faults-none", 1400000101L, Period.ofDays(1), "faults.example");
		JobDefinition faulty = job("faults-mix", 1400000102L, Period.ofDays(1), "faults.example");
		// a delayed answer outlasts the client's read timeout (2 s) by far, however slow the machine
		FaultSettings mix = new FaultSettings(0.1, TRANSIENT, seedDrawingEveryKind(), Duration.ofSeconds(8));

		FaultyRun run = runBoth(faultFree, faulty, mix);

		assertThat(run.outcome().windowsFetched()).isEqualTo(CALLS_WITHOUT_FAULTS);
		assertThat(run.reference().windowsFetched()).isEqualTo(CALLS_WITHOUT_FAULTS);
		for (Fault fault : TRANSIENT) {
			if (fault == Fault.DELAY) {
				// the simulator logs a delayed answer only after its delay, which outlives the client's timeout:
				// the line may not be written yet; the client's read timeout shows it instead
				assertThat(run.log()).contains("no complete answer within");
				continue;
			}
			assertThat(run.log()).contains("[fault drawn: " + fault + "]");
		}
		assertSameReportAndRows(faultFree, faulty);
		assertThat(storedWindows(faulty.api().sdkAppId())).isEqualTo(STORED_WINDOWS);
		assertThat(archive(faulty, W46).resolve("SHA256SUMS")).exists();
	}

	@Test
	void aFaultThatPersistsExhaustsTheRetriesAndFailsTheRunWithOneMessage() {
		JobDefinition job = job("faults-persistent", 1400000103L, Period.ofDays(7), "faults.example");
		PushLossSimulator simulator = simulatorWith(job, FaultSettings.always(Fault.ERROR_90102));

		RunOutcome outcome = this.runner.run(job, W46, NO_EMAIL);

		assertFailedInOneLine(outcome).contains("gave up after 6 attempts: 90102 internal error")
			.doesNotContain("Exception");
		assertThat(simulator.calls()).as("pushloss.api.max-attempts").isEqualTo(6);
		assertThat(outcome.calls()).as("the failed run counts every request the vendor received").isEqualTo(6);
		assertThat(outcome.retriedCalls()).isEqualTo(5);
		assertNothingWritten(job);
	}

	@Test
	void theServiceBeingOffFailsOnTheFirstCallWithoutRetrying() {
		JobDefinition job = job("faults-service-off", 1400000104L, Period.ofDays(7), "faults.example");
		PushLossSimulator simulator = simulatorWith(job, FaultSettings.always(Fault.ERROR_90045));

		RunOutcome outcome = this.runner.run(job, W46, NO_EMAIL);

		assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(outcome.message()).contains("90045 push service not enabled")
			.contains("enable the Push service for sdkappid 1400000104 in the console");
		assertThat(simulator.calls()).isOne();
		assertThat(outcome.calls()).isOne();
		assertThat(outcome.retriedCalls()).isZero();
		assertNothingWritten(job);
	}

	@Test
	void aWrongSecretKeyFailsOnTheFirstCallWithoutRetrying() {
		JobDefinition simulated = job("faults-wrong-key", 1400000105L, Period.ofDays(7), "faults.example");
		// a simulator of its own, started by the test with the application's key; the job signs with another one
		try (PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
			.withSdkAppId(simulated.api().sdkAppId())
			.withSecretKey("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
			.withCallsPerSecond(50)
			.withClock(Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), NOW))))) {
			JobDefinition job = atBaseUrl(simulated, simulator.baseUrl(), SECRET_KEY_ENV);

			RunOutcome outcome = this.runner.run(job, W46, NO_EMAIL);

			assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("70009 wrong secret key")
				.contains("check the secret key in $" + SECRET_KEY_ENV + " for sdkappid 1400000105");
			assertThat(simulator.calls()).isOne();
			assertNothingWritten(job);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			GARBLE_NON_JSON;            6; gave up after 6 attempts: response body
			GARBLE_WRONG_TYPES;         1; invalid response: Results[0].ReadyToSendLoss[0].ErrCount is not an integer: "abc"
			GARBLE_MISSING_ERROR_CODE;  1; invalid response: ErrorCode is missing
			GARBLE_NEGATIVE_COUNT;      1; invalid response: Results[0].ReadyToSendLoss[0].ErrCount is negative: -17
			GARBLE_HUGE_COUNT;          1; invalid response: Results[0].ReadyToSendLoss[0].ErrCount does not fit in 64 bits: 18446744073709551616
			""")
	void anAnswerThatBreaksTheContractFailsTheRunNamingTheProblemAndStoresNothing(Fault garble, int calls,
			String problem) {
		JobDefinition job = job("garbled-" + garble.ordinal(), 1400000200L + garble.ordinal(), Period.ofDays(7),
				"faults.example");
		PushLossSimulator simulator = simulatorWith(job, FaultSettings.always(garble));

		RunOutcome outcome = this.runner.run(job, W46, NO_EMAIL);

		assertFailedInOneLine(outcome).contains(problem).doesNotContain("Exception");
		assertThat(simulator.calls()).as("only a body that is not JSON is retried").isEqualTo(calls);
		assertNothingWritten(job);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			GARBLE_REPEATED_RESULT;  repeats Results[0]
			GARBLE_MISSING_TASK;     incomplete answer: Results lacks TaskID
			GARBLE_MISSING_ARRAY;    incomplete answer: Results[0] lacks PostSendDeliveredLoss (an empty array means no loss; a missing one is not data)
			GARBLE_MISSING_RESULTS;  incomplete answer: Results is missing
			""")
	void anAnswerThatIsNotWholeIsRetriedAndIfItPersistsFailsTheRunInsteadOfReportingZeros(Fault garble,
			String problem) {
		JobDefinition job = job("partial-" + garble.ordinal(), 1400000300L + garble.ordinal(), Period.ofDays(7),
				"faults.example");
		PushLossSimulator simulator = simulatorWith(job, FaultSettings.always(garble));

		RunOutcome outcome = this.runner.run(job, W46, NO_EMAIL);

		assertFailedInOneLine(outcome).contains("gave up after 6 attempts: incomplete answer: ").contains(problem);
		assertThat(simulator.calls()).as("retried as a transient fault").isEqualTo(6);
		assertNothingWritten(job);
	}

	@Test
	void answersThatAreNotWholeNowAndThenAreRetriedAndChangeNothingInTheReport() {
		List<Fault> partial = List.of(Fault.GARBLE_REPEATED_RESULT, Fault.GARBLE_MISSING_TASK,
				Fault.GARBLE_MISSING_ARRAY, Fault.GARBLE_MISSING_RESULTS);
		JobDefinition faultFree = job("partial-none", 1400000311L, Period.ofDays(1), "faults.example");
		JobDefinition faulty = job("partial-mix", 1400000312L, Period.ofDays(1), "faults.example");
		FaultSettings mix = new FaultSettings(0.2, partial, seedDrawing(partial, 0.2), Duration.ZERO);

		FaultyRun run = runBoth(faultFree, faulty, mix);

		assertThat(run.log()).contains("incomplete answer: ");
		assertSameReportAndRows(faultFree, faulty);
	}

	/**
	 * Runs the week of a fault-free job, then of a faulty one whose simulator answers with these faults: both
	 * complete, and the faults cost the faulty one more calls.
	 */
	private FaultyRun runBoth(JobDefinition faultFree, JobDefinition faulty, FaultSettings faults) {
		RunOutcome reference = this.runner.run(faultFree, W46, NO_EMAIL);
		PushLossSimulator simulator = simulatorWith(faulty, faults);
		long mark = logMark();
		RunOutcome outcome = this.runner.run(faulty, W46, NO_EMAIL);
		String log = logSince(mark);
		assertThat(reference.status()).as(reference.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(simulator.calls()).as("every fault cost one more call").isGreaterThan(CALLS_WITHOUT_FAULTS);
		assertThat(reference.calls()).isEqualTo(CALLS_WITHOUT_FAULTS);
		assertThat(reference.retriedCalls()).isZero();
		assertThat(outcome.calls()).as("the run's calls are the requests the vendor received")
			.isEqualTo(simulator.calls());
		assertThat(outcome.retriedCalls()).as("every request after a window's first is a retried one")
			.isEqualTo(simulator.calls() - CALLS_WITHOUT_FAULTS);
		RunSummary summary = RunContext.summarize(this.jobRepository.getJobExecution(outcome.executionId()));
		assertThat(summary.calls()).as("runs shows the same calls").isEqualTo(outcome.calls());
		assertThat(summary.retriedCalls()).isEqualTo(outcome.retriedCalls());
		return new FaultyRun(reference, outcome, log);
	}

	/** The fault-free run, the faulty one, and what the log said during the faulty one. */
	private record FaultyRun(RunOutcome reference, RunOutcome outcome, String log) {
	}

	/** The faulty job's week has the fault-free one's summary and the same stored rows. */
	private void assertSameReportAndRows(JobDefinition faultFree, JobDefinition faulty) {
		assertThat(summaryOf(faulty, W46)).isEqualTo(summaryOf(faultFree, W46));
		assertThat(storedRows(faulty.api().sdkAppId())).isNotEmpty()
			.isEqualTo(storedRows(faultFree.api().sdkAppId()));
	}

	/** The job's simulator, answering with these faults. */
	private PushLossSimulator simulatorWith(JobDefinition job, FaultSettings faults) {
		this.apis.forJob(job);
		PushLossSimulator simulator = this.apis.simulatorFor(job);
		simulator.faults(faults);
		return simulator;
	}

	/** The run failed at the push-to-all API with a message of one line; the caller checks what it says. */
	private static AbstractStringAssert<?> assertFailedInOneLine(RunOutcome outcome) {
		assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILED);
		return assertThat(outcome.message()).startsWith("all_member_push_loss [").doesNotContain("\n");
	}

	private void assertNothingWritten(JobDefinition job) {
		assertThat(storedWindows(job.api().sdkAppId())).isZero();
		assertThat(storedRows(job.api().sdkAppId())).isEmpty();
		assertThat(reports(job, W46)).doesNotExist();
		assertThat(archive(job, W46)).doesNotExist();
	}

	/** A seed whose first calls draw each kind of transient fault at least once, so that the run meets them all. */
	private static long seedDrawingEveryKind() {
		return seedDrawing(TRANSIENT, 0.1);
	}

	/** A seed whose first calls draw each of these faults at least once. */
	private static long seedDrawing(List<Fault> kinds, double share) {
		return LongStream.range(1, 10_000)
			.filter((seed) -> {
				Set<Fault> drawn = EnumSet.noneOf(Fault.class);
				FaultDraws.first(new FaultSettings(share, kinds, seed, Duration.ZERO), CALLS_WITHOUT_FAULTS)
					.forEach((fault) -> {
						if (fault != null) {
							drawn.add(fault);
						}
					});
				return drawn.containsAll(kinds);
			})
			.findFirst()
			.orElseThrow();
	}

}
