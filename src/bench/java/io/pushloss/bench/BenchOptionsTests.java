package io.pushloss.bench;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void defaultsRunEverySectionAtTwentyCallsPerSecond() {
		BenchOptions options = BenchOptions.parse();

		assertThat(options.sections()).containsExactlyElementsOf(BenchOptions.ALL_SECTIONS);
		assertThat(options.callsPerSecond()).isEqualTo(20);
		assertThat(options.windows()).isEqualTo(300);
		assertThat(options.excelRows()).containsExactly(100_000L, 1_000_000L);
		assertThat(options.analysisRows()).isEqualTo(10_000_000L);
		assertThat(options.json()).isFalse();
		assertThat(options.failoverRuns()).isEqualTo(5);
		assertThat(options.failoverHosts()).containsExactly(FailoverBenchmark.Hosts.SAME,
				FailoverBenchmark.Hosts.DISTINCT);
	}

	@Test
	void failoverRunsAlone() {
		BenchOptions options = BenchOptions.parse("--only=failover", "--failover-runs=3");

		assertThat(options.sections()).containsExactly("failover");
		assertThat(options.runs("startup")).isFalse();
		assertThat(options.failoverRuns()).isEqualTo(3);
	}

	@Test
	void failoverRunsOnOneHostOnDistinctHostsOrBoth() {
		assertThat(BenchOptions.parse("--failover-hosts=distinct").failoverHosts())
			.containsExactly(FailoverBenchmark.Hosts.DISTINCT);
		assertThat(BenchOptions.parse("--failover-hosts=same").failoverHosts())
			.containsExactly(FailoverBenchmark.Hosts.SAME);
		assertThat(BenchOptions.parse("--failover-hosts=both").failoverHosts())
			.containsExactly(FailoverBenchmark.Hosts.SAME, FailoverBenchmark.Hosts.DISTINCT);
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--failover-hosts=many"))
			.withMessageContaining("many");
	}

	@Test
	void failoverRunsWithTheProductsDefaultCheckInAndLockTimeToLive() {
		assertThat(FailoverBenchmark.productCheckinInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(FailoverBenchmark.productLockTimeToLive()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void failoverReportsTheMedianOfItsRuns() {
		assertThat(FailoverBenchmark.median(List.of(9.1))).isEqualTo(9.1);
		assertThat(FailoverBenchmark.median(List.of(8.0, 9.0, 11.0))).isEqualTo(9.0);
		assertThat(FailoverBenchmark.median(List.of(8.0, 9.0, 10.0, 12.0))).isEqualTo(9.5);
	}

	@Test
	void readsOptionsAndIgnoresTheBlankArgumentsMavenPasses() {
		BenchOptions options = BenchOptions.parse("--json=true", "", "--only=rate,excel", "--excel-rows=1000000,5000",
				"--analysis-rows=2_000_000", "--rate=50");

		assertThat(options.json()).isTrue();
		assertThat(options.sections()).containsExactly("rate", "excel");
		assertThat(options.runs("pipeline")).isFalse();
		assertThat(options.excelRows()).isEqualTo(List.of(5_000L, 1_000_000L));
		assertThat(options.analysisRows()).isEqualTo(2_000_000L);
		assertThat(options.callsPerSecond()).isEqualTo(50);
	}

	@Test
	void rejectsUnknownOptionsAndSections() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--rows=5"))
			.withMessageContaining("rows");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--only=speed"))
			.withMessageContaining("speed");
	}

	@Test
	void figuresSayWhetherTheirGoalIsMet() {
		assertThat(Figure.atLeast("a", "1", "a", 0.98, "ratio", 0.97, null).met()).isTrue();
		assertThat(Figure.atMost("b", "1", "b", 1.31, "ratio", 1.3, null).met()).isFalse();
		assertThat(Figure.exactly("c", "1", "c", 0, "calls", 0, null).goal()).isEqualTo("= 0");
		assertThat(Figure.info("d", "1", "d", 3, "s", null).met()).isNull();
	}

}
