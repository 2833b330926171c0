package io.pushloss.jobdef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An unknown key is reported at its own line and column, however deep it sits and whatever follows it (the binder
 * itself would name the end of the enclosing mapping).
 */
class UnknownKeyPositionTests {

	/** A valid job; each case misspells one key of it. Line numbers are those of this text. */
	private static final String JOB = """
			# A job with comments, so that line numbers are not those of the keys' order
			name: weekly-push-loss
			zone: Asia/Shanghai
			schedule: "0 0 9 ? * MON"

			api:
			  region: china
			  sdkappid: 1400000000
			  identifier: administrator
			  secret-key-env: TIM_SECRET_KEY
			sources:
			  normal: true
			  all-member-tasks:
			    - spring-sale
			    - app-update
			window: P1D
			baseline-weeks: 4
			recipients:
			  to:
			    - push-team@example.com
			  cc: [mobile-leads@example.com]
			owners:
			  - push-oncall@example.com
			archive:
			  dir: ./data/archive
			  keep-weeks: 104
			""";

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} -> {2} at line {3}, column {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# original line            | misspelt line              | field                     | line | column
			schedule: "0 0 9 ? * MON"  | schedul: "0 0 9 ? * MON"   | schedul                   | 4    | 1
			  region: china            |   regoin: china            | api.regoin                | 7    | 3
			  secret-key-env: TIM_SECRET_KEY |   secret-key: abc      | api.secret-key            | 10   | 3
			  normal: true             |   normall: true            | sources.normall           | 12   | 3
			  all-member-tasks:        |   all-member-task:         | sources.all-member-task   | 13   | 3
			baseline-weeks: 4          | baseline-week: 4           | baseline-week             | 17   | 1
			  cc: [mobile-leads@example.com] |   cc: [mobile-leads@example.com]\\n  bc: [x@example.com] | recipients.bc | 22 | 3
			  keep-weeks: 104          |   keep-week: 104           | archive.keep-week         | 26   | 3
			window: P1D                | window: P1D\\nwindows: P2D | windows                   | 17   | 1
			""")
	void namesTheKeysOwnLineAndColumn(String original, String misspelt, String field, int line, int column)
			throws IOException {
		String text = JOB.replaceFirst(java.util.regex.Pattern.quote(original),
				java.util.regex.Matcher.quoteReplacement(misspelt.replace("\\n", "\n")));
		assertThat(text).as("the case changes the job").isNotEqualTo(JOB);
		Path file = Files.writeString(this.dir.resolve("job.yml"), text);

		InvalidJobDefinitionException ex = assertThatExceptionOfType(InvalidJobDefinitionException.class)
			.isThrownBy(() -> new JobDefinitionLoader().load(file))
			.actual();

		assertThat(ex.field()).isEqualTo(field);
		assertThat(ex.reason()).startsWith("unknown key").endsWith("(line " + line + ", column " + column + ")");
		assertThat(text.lines().toList().get(line - 1).substring(column - 1))
			.as("the named position is where the key is written")
			.startsWith(field.substring(field.lastIndexOf('.') + 1) + ":");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			sources: { normal: true, all-member-taks: [a] } | sources.all-member-taks | 1 | 26
			'sources:\\n  normal: true\\n  all-member-tasks: [a]\\n  extra: 1' | sources.extra | 4 | 3
			""")
	void findsKeysInFlowMappingsToo(String sources, String field, int lineInSources, int column) throws IOException {
		String head = """
				name: demo
				zone: Asia/Shanghai
				schedule: "0 0 9 ? * MON"
				api: { simulator: true, sdkappid: 1400000000, identifier: administrator, secret-key-env: K }
				recipients: { to: [pm@example.com] }
				""";
		Path file = Files.writeString(this.dir.resolve("flow.yml"), head + sources.replace("\\n", "\n") + "\n");
		int line = (int) head.lines().count() + lineInSources;

		InvalidJobDefinitionException ex = assertThatExceptionOfType(InvalidJobDefinitionException.class)
			.isThrownBy(() -> new JobDefinitionLoader().load(file))
			.actual();

		assertThat(ex.field()).isEqualTo(field);
		assertThat(ex.reason()).endsWith("(line " + line + ", column " + column + ")");
	}

}
