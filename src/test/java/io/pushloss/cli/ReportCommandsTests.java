package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.domain.IsoWeek;

import static org.assertj.core.api.Assertions.assertThat;

/** Input checks of run, backfill, serve, restart and runs, and what they hand to {@link ReportOperations}. */
class ReportCommandsTests {

	private final CliHarness cli = new CliHarness();

	@TempDir
	Path dir;

	@Test
	void runsTheLastCompleteWeekByDefault() {
		Path data = this.dir.resolve("data");
		int exitCode = this.cli.execute("run", "jobs/demo.yml", "--data-dir", data.toString());
		assertThat(exitCode).isZero();
		ReportOperations.RunRequest request = this.cli.operations.only(ReportOperations.RunRequest.class);
		assertThat(request.job().name()).isEqualTo("demo");
		assertThat(request.week()).isEqualTo(IsoWeek.parse("2026-W46"));
		assertThat(request.email()).isTrue();
		assertThat(request.dataDir()).isEqualTo(data);
	}

	@Test
	void passesTheWeekAndNoEmail() {
		this.cli.execute("run", "jobs/demo.yml", "--week", "2026-W40", "--no-email");
		ReportOperations.RunRequest request = this.cli.operations.only(ReportOperations.RunRequest.class);
		assertThat(request.week()).isEqualTo(IsoWeek.parse("2026-W40"));
		assertThat(request.email()).isFalse();
		assertThat(request.dataDir()).isEqualTo(Path.of("./data"));
	}

	@Test
	void returnsTheExitCodeOfTheOperation() {
		this.cli.operations.exitCode = 1;
		assertThat(this.cli.execute("run", "jobs/demo.yml")).isEqualTo(1);
	}

	@Test
	void rejectsAWeekThatDoesNotExist() {
		assertInvalid("run", "jobs/demo.yml", "--week", "2026-W54");
		assertThat(this.cli.errLines().get(0)).contains("2026-W54 does not exist");
	}

	@Test
	void rejectsWeekZero() {
		assertInvalid("run", "jobs/demo.yml", "--week", "2026-W00");
		assertThat(this.cli.errLines().get(0)).contains("--week");
	}

	@Test
	void rejectsAWeekThatIsNotAWeek() {
		assertInvalid("run", "jobs/demo.yml", "--week", "2026-46");
		assertThat(this.cli.errLines().get(0)).contains("YYYY-Www");
	}

	@Test
	void rejectsTheCurrentWeekBecauseItHasNotEnded() {
		assertInvalid("run", "jobs/demo.yml", "--week", "2026-W47");
		assertThat(this.cli.errLines().get(0)).contains("2026-W47 has not ended yet in Asia/Shanghai")
			.contains("last complete week is 2026-W46");
	}

	@Test
	void decidesWhetherAWeekHasEndedInTheJobsZone() {
		// Monday 2026-11-16 01:00 in Shanghai, still Sunday in UTC
		this.cli.clock = Clock.fixed(Instant.parse("2026-11-15T17:00:00Z"), ZoneOffset.UTC);
		assertThat(this.cli.execute("run", "jobs/demo.yml", "--week", "2026-W46")).isZero();
		assertThat(this.cli.operations.only(ReportOperations.RunRequest.class).week())
			.isEqualTo(IsoWeek.parse("2026-W46"));
	}

	@Test
	void rejectsAnInvalidJobFileBeforeAnythingElse() throws IOException {
		Path bad = Files.writeString(this.dir.resolve("bad.yml"),
				Files.readString(Path.of("jobs/demo.yml")).replace("window: P1D", "window: P8D"));
		assertInvalid("run", bad.toString());
		assertThat(this.cli.errLines()).singleElement().asString().startsWith(bad + ": window: ");
	}

	@Test
	void rejectsADataDirThatIsAFile() throws IOException {
		Path file = Files.writeString(this.dir.resolve("data"), "");
		assertInvalid("run", "jobs/demo.yml", "--data-dir", file.toString());
		assertThat(this.cli.errLines().get(0)).contains("not a directory");
	}

	@Test
	void backfillsARangeWithItsFlags() {
		int exitCode = this.cli.execute("backfill", "jobs/demo.yml", "--from", "2026-W40", "--to", "2026-W46",
				"--email", "--force");
		assertThat(exitCode).isZero();
		ReportOperations.BackfillRequest request = this.cli.operations.only(ReportOperations.BackfillRequest.class);
		assertThat(request.from()).isEqualTo(IsoWeek.parse("2026-W40"));
		assertThat(request.to()).isEqualTo(IsoWeek.parse("2026-W46"));
		assertThat(request.email()).isTrue();
		assertThat(request.force()).isTrue();
	}

	@Test
	void backfillsWithoutEmailByDefault() {
		this.cli.execute("backfill", "jobs/demo.yml", "--from", "2026-W46", "--to", "2026-W46");
		ReportOperations.BackfillRequest request = this.cli.operations.only(ReportOperations.BackfillRequest.class);
		assertThat(request.email()).isFalse();
		assertThat(request.force()).isFalse();
	}

	@Test
	void rejectsABackfillThatEndsBeforeItStarts() {
		assertInvalid("backfill", "jobs/demo.yml", "--from", "2026-W46", "--to", "2026-W40");
		assertThat(this.cli.errLines().get(0)).contains("--from 2026-W46 is after --to 2026-W40");
	}

	@Test
	void rejectsABackfillIntoTheFuture() {
		assertInvalid("backfill", "jobs/demo.yml", "--from", "2026-W40", "--to", "2026-W48");
		assertThat(this.cli.errLines().get(0)).contains("--to 2026-W48 has not ended yet");
	}

	@Test
	void requiresBothEndsOfABackfill() {
		assertInvalid("backfill", "jobs/demo.yml", "--from", "2026-W40");
		assertThat(this.cli.errLines().get(0)).contains("--to");
	}

	@Test
	void restartsAWeek() {
		assertThat(this.cli.execute("restart", "jobs/demo.yml", "--week", "2026-W45")).isZero();
		assertThat(this.cli.operations.only(ReportOperations.RestartRequest.class).week())
			.isEqualTo(IsoWeek.parse("2026-W45"));
	}

	@Test
	void requiresTheWeekToRestart() {
		assertInvalid("restart", "jobs/demo.yml");
		assertThat(this.cli.errLines().get(0)).contains("--week");
	}

	@Test
	void rejectsRestartingAFutureWeek() {
		assertInvalid("restart", "jobs/demo.yml", "--week", "2027-W01");
	}

	@Test
	void servesTheGivenJobs() {
		assertThat(this.cli.execute("serve", "jobs/demo.yml", "jobs/weekly-push-loss.yml")).isZero();
		assertThat(this.cli.operations.only(ReportOperations.ServeRequest.class).jobs()).extracting("name")
			.containsExactly("demo", "weekly-push-loss");
	}

	@Test
	void servesEveryJobInTheJobsDirectoryByDefault() throws IOException {
		Files.copy(Path.of("jobs/demo.yml"), this.dir.resolve("demo.yml"));
		Files.writeString(this.dir.resolve("notes.txt"), "not a job");
		this.cli.jobsDirectory = this.dir;
		assertThat(this.cli.execute("serve")).isZero();
		assertThat(this.cli.operations.only(ReportOperations.ServeRequest.class).jobs()).extracting("name")
			.containsExactly("demo");
	}

	@Test
	void refusesToServeWithoutJobs() {
		this.cli.jobsDirectory = this.dir;
		assertInvalid("serve");
		assertThat(this.cli.errLines()).singleElement()
			.asString()
			.contains("no job files given and no *.yml in " + this.dir.toAbsolutePath().normalize() + ";");
	}

	@Test
	void saysWhenTheJobsFolderToServeDoesNotExist() {
		this.cli.jobsDirectory = this.dir.resolve("jobs");
		assertInvalid("serve");
		assertThat(this.cli.errLines()).singleElement()
			.asString()
			.contains(this.dir.resolve("jobs").toAbsolutePath().normalize() + " (no such folder)");
	}

	@Test
	void refusesToServeTwoJobsOfTheSameName() throws IOException {
		Path copy = Files.copy(Path.of("jobs/demo.yml"), this.dir.resolve("copy.yml"));
		assertInvalid("serve", "jobs/demo.yml", copy.toString());
		assertThat(this.cli.errLines()).singleElement().asString().contains("both define job 'demo'");
	}

	@Test
	void listsRunsOfOneJob() {
		assertThat(this.cli.execute("runs", "demo", "--json")).isZero();
		ReportOperations.RunsRequest request = this.cli.operations.only(ReportOperations.RunsRequest.class);
		assertThat(request.jobName()).isEqualTo("demo");
		assertThat(request.json()).isTrue();
		assertThat(request.limit()).isEqualTo(SpringReportOperations.RUNS_LIMIT);
	}

	@Test
	void listsAsManyRunsAsAskedFor() {
		assertThat(this.cli.execute("runs", "--limit", "3")).isZero();
		assertThat(this.cli.operations.only(ReportOperations.RunsRequest.class).limit()).isEqualTo(3);
	}

	@Test
	void rejectsALimitOutOfRange() {
		assertInvalid("runs", "--limit", "0");
		assertThat(this.cli.errLines().get(0)).contains("--limit 0 is out of range: 1 to 10000");
	}

	@Test
	void listsRunsOfAllJobs() {
		this.cli.execute("runs");
		assertThat(this.cli.operations.only(ReportOperations.RunsRequest.class).jobName()).isNull();
	}

	@Test
	void rejectsAJobFileWhereAJobNameIsExpected() {
		assertInvalid("runs", "jobs/demo.yml");
		assertThat(this.cli.errLines().get(0)).contains("not a job name");
	}

	/** Exit code 2, nothing delegated, nothing written to the data directory, no stack trace. */
	private void assertInvalid(String... args) {
		Path data = this.dir.resolve("untouched-data");
		String[] withDataDir = Stream.concat(Arrays.stream(args), Stream.of("--data-dir", data.toString()))
			.toArray(String[]::new);
		boolean hasDataDir = Arrays.asList(args).contains("--data-dir");
		int exitCode = this.cli.execute(hasDataDir ? args : withDataDir);
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.operations.requests).isEmpty();
		assertThat(data).doesNotExist();
		assertThat(this.cli.out()).isEmpty();
		assertThat(this.cli.errLines()).hasSizeBetween(1, 2);
		assertThat(this.cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
