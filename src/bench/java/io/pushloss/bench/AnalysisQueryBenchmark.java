package io.pushloss.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.pushloss.analysis.AnalysisProperties;
import io.pushloss.analysis.AnomalyThresholds;
import io.pushloss.analysis.RemediationCatalogue;
import io.pushloss.analysis.ReportRequest;
import io.pushloss.analysis.WeekOverWeekAnalyzer;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.FetchWindow;
import io.pushloss.store.H2Loopback;
import io.pushloss.store.PlannedWindow;

/**
 * Section 5, the analysis query: {@code analysis-rows} synthetic rows in the product's H2 file database (Flyway
 * schema), spread evenly over the windows of a report week and its four baseline weeks (1,000 tasks, daily
 * windows, the same number of rows in every window), inserted with {@code INSERT ... SELECT FROM SYSTEM_RANGE}.
 * Times {@link WeekOverWeekAnalyzer#analyze} against one plain {@code GROUP BY} over the same rows in the same
 * database, each the second of two runs (the first warms H2's cache and the JIT).
 */
final class AnalysisQueryBenchmark extends Benchmark {

	static final String SECTION = "5 analysis query";

	static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	static final long APP = 1_400_000_005L;

	static final int TASKS = 1000;

	private static final long INSERT_CHUNK = 1_000_000;

	AnalysisQueryBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	@Override
	List<Figure> run() throws Exception {
		H2Loopback.apply();
		String url = io.pushloss.store.EmbeddedDatabase
			.jdbcUrl(new io.pushloss.domain.DataDirectoryProperties(this.options.workDir().resolve("analysis")));
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
		try {
			io.pushloss.TestMigrations.migrateH2(dataSource);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			JobDefinition job = BenchJobs.job("bench-analysis", APP, BenchJobs.tasks(TASKS), null, null);
			List<FetchWindow> plan = WindowPlanner.plan(job, WEEK);
			List<PlannedWindow> planned = planned(plan);
			long rowsPerWindow = Math.max(1, this.options.analysisRows() / planned.size());
			long rows = rowsPerWindow * planned.size();
			long insertNanos = fill(jdbc, planned, rowsPerWindow);

			WeekOverWeekAnalyzer analyzer = new WeekOverWeekAnalyzer(new io.pushloss.store.PlannedWindowAggregation(jdbc), RemediationCatalogue.bundled(),
					AnomalyThresholds.DEFAULTS,
					new AnalysisProperties(5, 3, new DefaultResourceLoader().getResource(RemediationCatalogue.BUNDLED)));
			ReportRequest request = new ReportRequest(job.name(), APP, WEEK, job.zone(), job.baselineWeeks(), planned,
					job.sources().allMemberTasks(), Instant.now());
			long from = WEEK.minusWeeks(job.baselineWeeks()).start(job.zone()).toEpochSecond();
			long to = WEEK.end(job.zone()).toEpochSecond();

			this.progress.step("analysis: WoW aggregation (warm-up)");
			analyze(analyzer, request);
			this.progress.step("analysis: WoW aggregation");
			long start = System.nanoTime();
			WeeklyReport report = analyze(analyzer, request);
			long analyzerNanos = System.nanoTime() - start;

			this.progress.step("analysis: plain GROUP BY (warm-up)");
			groupBy(jdbc, from, to);
			this.progress.step("analysis: plain GROUP BY");
			start = System.nanoTime();
			int groups = groupBy(jdbc, from, to);
			long plainNanos = System.nanoTime() - start;

			List<Figure> figures = new ArrayList<>();
			figures.add(Figure.info("analysis.ratio", SECTION, "WoW aggregation / plain GROUP BY",
					Numbers.round((double) analyzerNanos / plainNanos, 3), "ratio",
					String.format("%,d rows (%,d planned windows x %,d rows); analyzer %.2f s (%d anomalies, "
							+ "%s), GROUP BY %.2f s (%,d groups)", rows, planned.size(), rowsPerWindow,
							Numbers.seconds(analyzerNanos), report.anomalies().size(),
							report.partial() ? "PARTIAL" : "complete", Numbers.seconds(plainNanos), groups)));
			figures.add(Figure.info("analysis.analyzerSeconds", SECTION,
					"WoW aggregation over " + Numbers.format(rows) + " rows",
					Numbers.round(Numbers.seconds(analyzerNanos), 3), "s", null));
			figures.add(Figure.info("analysis.groupBySeconds", SECTION, "plain GROUP BY of the same rows",
					Numbers.round(Numbers.seconds(plainNanos), 3), "s",
					"SELECT source, task_id, stage, vendor, event_type, err_code, SUM(err_count) ... GROUP BY them, "
							+ "all rows of the five weeks"));
			figures.add(Figure.info("analysis.insertRowsPerSecond", SECTION, "insert rate (INSERT ... SELECT)",
					Math.round(rows / Numbers.seconds(insertNanos)), "rows/s", null));
			return figures;
		}
		finally {
			dataSource.destroy();
		}
	}

	private static WeeklyReport analyze(WeekOverWeekAnalyzer analyzer, ReportRequest request) {
		return analyzer.analyze(request);
	}

	private static int groupBy(JdbcTemplate jdbc, long from, long to) {
		int[] groups = { 0 };
		jdbc.query("""
				SELECT source, task_id, stage, vendor, event_type, err_code, SUM(err_count)
				FROM loss_row
				WHERE app_id = ? AND window_start >= ? AND window_end <= ?
				GROUP BY source, task_id, stage, vendor, event_type, err_code""", (rs) -> {
			groups[0]++;
		}, APP, from, to);
		return groups[0];
	}

	private static List<PlannedWindow> planned(List<FetchWindow> plan) {
		List<PlannedWindow> planned = new ArrayList<>();
		for (FetchWindow window : plan) {
			for (String task : window.taskKeys()) {
				planned.add(new PlannedWindow(window.week(), window.source(), task, window.start(), window.end()));
			}
		}
		return planned;
	}

	/**
	 * The planned windows go into a table; each row of {@code SYSTEM_RANGE} picks its window by division and its
	 * key (stage, vendor, event type, code) from the remainder, so every row is distinct and in a planned window.
	 */
	private long fill(JdbcTemplate jdbc, List<PlannedWindow> planned, long rowsPerWindow) {
		long start = System.nanoTime();
		jdbc.execute("CREATE TABLE bench_window (ordinal INT PRIMARY KEY, source VARCHAR(16), task_id VARCHAR(256),"
				+ " window_start BIGINT, window_end BIGINT)");
		List<Object[]> windows = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			PlannedWindow window = planned.get(i);
			windows.add(new Object[] { i, window.source().name(), window.taskId(), window.start(), window.end() });
		}
		jdbc.batchUpdate("INSERT INTO bench_window VALUES (?, ?, ?, ?, ?)", windows);
		jdbc.update("INSERT INTO fetched_window (app_id, source, task_id, window_start, window_end, fetched_at, status,"
				+ " row_count) SELECT ?, source, task_id, window_start, window_end, CURRENT_TIMESTAMP, 'STORED', ?"
				+ " FROM bench_window", APP, rowsPerWindow);
		long total = rowsPerWindow * planned.size();
		for (long from = 0; from < total; from += INSERT_CHUNK) {
			long to = Math.min(total, from + INSERT_CHUNK) - 1;
			this.progress.step(String.format("analysis: inserting rows %,d to %,d of %,d", from, to + 1, total));
			// r: 2 stages x 10 vendors (-1 = stage level) x 2 event types, then the code
			jdbc.update("INSERT INTO loss_row (app_id, source, task_id, window_start, window_end, stage, event_type,"
					+ " vendor, err_code, err_count, err_info)"
					+ " SELECT ?, w.source, w.task_id, w.window_start, w.window_end,"
					+ " CASE MOD(r, 2) WHEN 0 THEN 'POST_SEND_DELIVERED' ELSE 'READY_TO_SEND' END,"
					+ " MOD(r / 20, 2) + 1, MOD(r / 2, 10) - 1, 'code-' || (r / 40), MOD(x * 7919, 997) + 1,"
					+ " 'description of code-' || (r / 40)"
					+ " FROM (SELECT X AS x, X / ? AS ordinal, MOD(X, ?) AS r FROM SYSTEM_RANGE(?, ?)) s"
					+ " JOIN bench_window w ON w.ordinal = s.ordinal", APP, rowsPerWindow, rowsPerWindow, from, to);
		}
		jdbc.execute("DROP TABLE bench_window");
		return System.nanoTime() - start;
	}

}
