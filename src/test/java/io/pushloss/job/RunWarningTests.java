package io.pushloss.job;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class RunWarningTests {

	@Test
	void thePdfStepsWarningsSurviveTheExecutionContextAndARetryReplacesThem() {
		ExecutionContext context = new ExecutionContext();
		List<RunWarning> warnings = List.of(
				new RunWarning(RunWarning.Kind.PDF_UNRENDERABLE_CHARACTERS,
						"PDF: task name '春节 \uD83D\uDE80': 1 character (U+1F680) not in any embedded font"),
				new RunWarning(RunWarning.Kind.PDF_UNRENDERABLE_CHARACTERS, "PDF: job name 'a\nb': 1 character"));

		RunContext.recordPdfWarnings(context, warnings);
		assertThat(RunContext.warnings(context)).hasSize(2)
			.first()
			.isEqualTo(warnings.get(0));
		assertThat(RunContext.warnings(context).get(1).message()).isEqualTo("PDF: job name 'a b': 1 character");

		RunContext.recordPdfWarnings(context, List.of());
		assertThat(RunContext.warnings(context)).isEmpty();
	}

}
