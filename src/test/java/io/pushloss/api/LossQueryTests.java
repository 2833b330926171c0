package io.pushloss.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LossQueryTests {

	static final long START = 1_763_913_600L;

	static Stream<Arguments> invalidQueries() {
		return Stream.of(Arguments.of(LossSource.NORMAL, START, START, List.of(), "must be after StartTime"),
				Arguments.of(LossSource.NORMAL, START, START - 1, List.of(), "must be after StartTime"),
				Arguments.of(LossSource.ALL_MEMBER, START, START + 604_801, List.of(), "spans 604801 s"),
				Arguments.of(LossSource.ALL_MEMBER, START, START + 3600, List.of("a", "b", "c", "d", "e", "f"),
						"6 TaskIDs"),
				Arguments.of(LossSource.ALL_MEMBER, START, START + 3600, List.of("a", " "), "must not be blank"),
				Arguments.of(LossSource.NORMAL, START, START + 3600, List.of("a"), "takes no TaskIDs"));
	}

	@ParameterizedTest
	@MethodSource("invalidQueries")
	void rejectsQueriesTheApiWouldRefuse(LossSource source, long start, long end, List<String> tasks,
			String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> new LossQuery(source, start, end, tasks))
			.withMessageContaining(message);
	}

	@Test
	void acceptsExactlySevenDaysAndFiveTasks() {
		LossQuery query = new LossQuery(LossSource.ALL_MEMBER, START, START + 604_800,
				Arrays.asList("a", "b", "c", "d", "e"));

		assertThat(query.taskIds()).hasSize(5);
		assertThat(query.endTime() - query.startTime()).isEqualTo(LossQuery.MAX_SPAN_SECONDS);
	}

	@Test
	void overallQueryHasNoTasks() {
		assertThat(LossQuery.overall(LossSource.NORMAL, START, START + 86_400).taskIds()).isEmpty();
	}

}
