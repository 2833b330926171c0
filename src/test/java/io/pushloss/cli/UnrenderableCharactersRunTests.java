package io.pushloss.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.job.RunSummary;
import io.pushloss.job.RunWarning;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job whose task name has a character no font of the PDF can draw (an emoji): the run completes, its result says
 * which text of the PDF lost which character, and the run history keeps it as a typed warning.
 */
class UnrenderableCharactersRunTests {

	private static final OperationsCli cli = new OperationsCli();

	@TempDir
	static Path dir;

	@AfterAll
	static void stopSimulator() {
		cli.close();
	}

	@Test
	void theRunResultAndTheRunHistoryNameTheTextAndTheCharacterThePdfCannotShow() throws Exception {
		Path job = cli.writeJob(dir, "emoji", "  normal: false\n  all-member-tasks: [\"春节促销 \uD83D\uDE80\"]",
				"locale: zh-CN");
		Path data = dir.resolve("data");

		assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--no-email", "--data-dir",
				data.toString())).as(cli.err()).isZero();

		assertThat(cli.out()).contains("COMPLETED")
			.contains("warning:   PDF: task name '春节促销 \uD83D\uDE80': 1 character (U+1F680) not in any embedded font");
		List<RunSummary> runs = cli.history(data);
		assertThat(runs.get(0).warnings()).containsExactly(new RunWarning(RunWarning.Kind.PDF_UNRENDERABLE_CHARACTERS,
				"PDF: task name '春节促销 \uD83D\uDE80': 1 character (U+1F680) not in any embedded font"));
	}

}
