package io.pushloss.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.SimulatorSettings;
import io.pushloss.simulator.SyntheticLossData;
import io.pushloss.store.FetchWindow;
import io.pushloss.delivery.mail.ReportMessageComposer;
import io.pushloss.report.excel.ExcelReportWriter;
import io.pushloss.report.pdf.PdfReportWriter;
import io.pushloss.store.LossStore;

/**
 * Section 3, pipeline overhead: a week of {@code pipeline-tasks} push-to-all tasks whose windows (the week and its
 * baseline weeks) are already in the store, written through {@link LossStore} with the simulator's data, so the
 * run makes no call. The run's time through analysis, Excel, PDF, email (to the outbox) and archive is divided by
 * the time fetching that week's windows takes at the vendor's 1 call per second. The PDF renderer is warmed up
 * before the timing, as it is during the fetch of a real run (timed and reported on its own).
 */
final class PipelineBenchmark extends Benchmark {

	static final String SECTION = "3 pipeline";

	static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	PipelineBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	@Override
	List<Figure> run() throws Exception {
		Path dataDir = this.options.workDir().resolve("pipeline");
		JobDefinition job = BenchJobs.job("bench-pipeline", 1_400_000_003L,
				BenchJobs.tasks(this.options.pipelineTasks()), null, dataDir.resolve("archive"));
		this.progress.step("pipeline: starting the application context");
		try (ConfigurableApplicationContext context = BenchContexts.start(dataDir, Map.of())) {
			long rows = fill(context.getBean(LossStore.class), job);
			WeeklyReportRunner runner = context.getBean(WeeklyReportRunner.class);
			// In a run that fetches, the PDF renderer, the Excel writer and the email's templates warm up during the
			// fetch's idle waits (DocumentWarmUpListener starts them after the first call): 1,414 windows leave them
			// 23 minutes. This run fetches nothing, so the warm-up is done here, before the timing, as the fetch would
			// have done it, and reported on its own.
			this.progress.step("pipeline: warming up the PDF, Excel and email writers, as during a fetch");
			long warmUpStart = System.nanoTime();
			boolean warm = context.getBean(PdfReportWriter.class).warmUp()
					& context.getBean(ExcelReportWriter.class).warmUp()
					& context.getBean(ReportMessageComposer.class).warmUp();
			long warmUp = System.nanoTime() - warmUpStart;
			int load = this.options.pipelineLoad();
			this.progress.step("pipeline: running " + WEEK + " (analysis, Excel, PDF, email to the outbox, archive)"
					+ ((load > 0) ? " beside " + load + " busy threads" : ""));
			long start;
			long elapsed;
			RunOutcome outcome;
			try (BusyLoad busy = BusyLoad.start(load)) {
				if (load > 0) {
					Thread.sleep(2_000); // the busy threads running (their JVM started) before the timing
				}
				start = System.nanoTime();
				outcome = runner.run(job, WEEK, new RunOptions(false, true, false));
				elapsed = System.nanoTime() - start;
			}
			if (!outcome.succeeded()) {
				throw new IllegalStateException("The pipeline run failed: " + outcome.message());
			}
			int weekWindows = WindowPlanner.planWeek(job, WEEK).size();
			double fetchSeconds = weekWindows; // one call per second
			Map<String, Long> steps = stepMillis(context.getBean(JobRepository.class), outcome.executionId());
			long weekRows = io.pushloss.store.StoredRows.count(context.getBean(javax.sql.DataSource.class),
					job.api().sdkAppId(), WEEK.start(job.zone()).toEpochSecond(), WEEK.end(job.zone()).toEpochSecond());
			long outbox = countFiles(dataDir.resolve("outbox"));
			List<Figure> figures = new ArrayList<>();
			figures.add(Figure.atMost("pipeline.overhead", SECTION,
					"run time / fetch time at 1 call/s, " + Numbers.format(this.options.pipelineTasks()) + " tasks"
							+ ((load > 0) ? ", beside " + load + " busy threads" : ""),
					Numbers.round(Numbers.seconds(elapsed) / fetchSeconds, 4), "ratio", 0.01,
					String.format("run %.1f s (steps %s) vs %d windows x 1 s; %,d rows in the week (%,d stored in "
							+ "5 weeks), %d calls, %d email(s) in the outbox; %d busy threads beside it, load average %.1f at the "
							+ "end", Numbers.seconds(elapsed), steps, weekWindows, weekRows, rows, outcome.calls(), outbox,
							load, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
			figures.add(Figure.info("pipeline.runSeconds", SECTION, "run time without fetching",
					Numbers.round(Numbers.seconds(elapsed), 2), "s", null));
			figures.add(Figure.info("pipeline.warmUpSeconds", SECTION,
					"PDF, Excel and email warm-up (during the fetch's idle waits in a real run)",
					Numbers.round(Numbers.seconds(warmUp), 2), "s",
					warm ? "templates compiled, a tiny report rendered, its workbook written and its email rendered before "
							+ "the timed run"
							: "a warm-up failed; the render steps loaded what they needed themselves"));
			figures.add(Figure.exactly("pipeline.calls", SECTION, "calls made by the run", outcome.calls(), "calls", 0,
					"the store held every planned window"));
			return figures;
		}
	}

	/** Stores the simulator's rows of every planned window, as a fetch would have. */
	private long fill(LossStore store, JobDefinition job) {
		List<FetchWindow> plan = WindowPlanner.plan(job, WEEK);
		this.progress.step(String.format("pipeline: storing %,d windows of %s and its baseline weeks", plan.size(),
				WEEK));
		SyntheticLossData data = new SyntheticLossData(SimulatorSettings.defaults().seed(), job.zone());
		Instant now = Instant.now();
		long rows = 0;
		for (FetchWindow window : plan) {
			List<LossRow> answer = new ArrayList<>();
			for (String task : window.taskKeys()) {
				answer.addAll(data.rows(window.source(), task, window.start(), window.end()));
			}
			store.replaceWindow(job.api().sdkAppId(), window, answer, now);
			rows += answer.size();
		}
		this.progress.note(String.format("%,d rows stored", rows));
		return rows;
	}

	private static Map<String, Long> stepMillis(JobRepository repository, long executionId) {
		JobExecution execution = repository.getJobExecution(executionId);
		Map<String, Long> steps = new LinkedHashMap<>();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStartTime() != null && step.getEndTime() != null) {
				steps.put(step.getStepName(), Duration.between(step.getStartTime(), step.getEndTime()).toMillis());
			}
		}
		return steps;
	}

	private static long countFiles(Path dir) throws java.io.IOException {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (var files = Files.list(dir)) {
			return files.count();
		}
	}

}
