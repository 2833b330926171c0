package io.pushloss.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CodeStatusTests {

	@Test
	void codeAbsentLastWeekAndInTheWholeBaselineIsNew() {
		assertThat(CodeStatus.classify(500, 0, false)).isEqualTo(CodeStatus.NEW);
	}

	@Test
	void codeAbsentLastWeekButSeenEarlierInTheBaselineIsRegressed() {
		assertThat(CodeStatus.classify(1, 0, true)).isEqualTo(CodeStatus.REGRESSED);
	}

	@Test
	void codeWithNothingThisWeekIsResolvedWhateverTheBaseline() {
		assertThat(CodeStatus.classify(0, 7, false)).isEqualTo(CodeStatus.RESOLVED);
		assertThat(CodeStatus.classify(0, 7, true)).isEqualTo(CodeStatus.RESOLVED);
	}

	@Test
	void codePresentBothWeeksMovesUpDownOrStaysFlat() {
		assertThat(CodeStatus.classify(11, 10, false)).isEqualTo(CodeStatus.UP);
		assertThat(CodeStatus.classify(9, 10, true)).isEqualTo(CodeStatus.DOWN);
		assertThat(CodeStatus.classify(10, 10, true)).isEqualTo(CodeStatus.FLAT);
	}

	@Test
	void codeWithNothingInBothWeeksHasNoStatus() {
		assertThatIllegalArgumentException().isThrownBy(() -> CodeStatus.classify(0, 0, true))
			.withMessageContaining("never listed");
	}

}
