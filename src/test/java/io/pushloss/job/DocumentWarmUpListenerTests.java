package io.pushloss.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchProgressListener;
import io.pushloss.delivery.mail.ReportMessageComposer;
import io.pushloss.report.excel.ExcelReportWriter;
import io.pushloss.report.pdf.PdfReportWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents' warm-up (PDF renderer and Excel writer) runs in the background once the fetch has made its first call and has more windows to fetch
 * (its idle waits), once per run, and only while the renderer is cold.
 */
class DocumentWarmUpListenerTests {

	/** The plan is known: 10 windows, nothing fetched yet. */
	private static final FetchProgressListener.Progress PLANNED = progress(0, 10, 0);

	/** The first window fetched with one call, nine to go. */
	private static final FetchProgressListener.Progress FIRST_CALL = progress(1, 10, 1);

	@Test
	void startsTheWarmUpOnADaemonThreadOnceTheFetchHasMadeItsFirstCallWithMoreToFetch()
			throws InterruptedException {
		FakeWriter writer = new FakeWriter(false);
		DocumentWarmUpListener listener = new DocumentWarmUpListener(writer, new WarmExcelWriter(),
				new WarmComposer());
		try {
			listener.beforeJob(execution());
			listener.progress(PLANNED);
			assertThat(writer.calls).as("nothing before the first call").hasValue(0);
			listener.progress(FIRST_CALL);
			assertThat(writer.done.await(30, TimeUnit.SECONDS)).as("warm-up ran").isTrue();
		}
		finally {
			listener.destroy();
		}
		assertThat(writer.calls).hasValue(1);
		assertThat(writer.thread.getName()).isEqualTo("document-warm-up");
		assertThat(writer.thread.isDaemon()).isTrue();
	}

	@Test
	void doesNothingAtTheStartOfARunBeforeAnyCall() {
		RecordingExecutor executor = new RecordingExecutor();
		DocumentWarmUpListener listener = new DocumentWarmUpListener(new FakeWriter(false), new WarmExcelWriter(),
				new WarmComposer(), executor);
		listener.beforeJob(execution());
		listener.progress(PLANNED);
		assertThat(executor.tasks).isEmpty();
	}

	@Test
	void doesNothingWhenTheFetchHasNothingToFetchOrHasFetchedItsLastWindow() {
		RecordingExecutor executor = new RecordingExecutor();
		DocumentWarmUpListener listener = new DocumentWarmUpListener(new FakeWriter(false), new WarmExcelWriter(),
				new WarmComposer(), executor);
		listener.beforeJob(execution());
		listener.progress(progress(10, 10, 0));
		listener.progress(progress(10, 10, 1));
		assertThat(executor.tasks).as("the analysis follows at once: the PDF step compiles its templates").isEmpty();
	}

	@Test
	void asksOncePerRunAndAgainInTheNextRun() {
		RecordingExecutor executor = new RecordingExecutor();
		DocumentWarmUpListener listener = new DocumentWarmUpListener(new FakeWriter(false), new WarmExcelWriter(),
				new WarmComposer(), executor);
		listener.beforeJob(execution());
		listener.progress(FIRST_CALL);
		listener.progress(progress(2, 10, 2));
		listener.progress(progress(3, 10, 4));
		assertThat(executor.tasks).as("a warm-up that failed is not retried after every window").hasSize(1);
		listener.beforeJob(execution());
		listener.progress(FIRST_CALL);
		assertThat(executor.tasks).hasSize(2);
	}

	@Test
	void doesNothingWhenTheRendererIsAlreadyWarm() {
		RecordingExecutor executor = new RecordingExecutor();
		DocumentWarmUpListener listener = new DocumentWarmUpListener(new FakeWriter(true), new WarmExcelWriter(),
				new WarmComposer(), executor);
		listener.beforeJob(execution());
		listener.progress(FIRST_CALL);
		assertThat(executor.tasks).isEmpty();
	}

	@Test
	void doesNothingForALaunchStoppedBeforeItsFirstStep() {
		RecordingExecutor executor = new RecordingExecutor();
		JobExecution execution = execution();
		execution.setStatus(BatchStatus.STOPPING);
		DocumentWarmUpListener listener = new DocumentWarmUpListener(new FakeWriter(false), new WarmExcelWriter(),
				new WarmComposer(), executor);
		listener.beforeJob(execution);
		listener.progress(FIRST_CALL);
		assertThat(executor.tasks).isEmpty();
	}

	@Test
	void dropsAWarmUpAskedForWhileOneIsUnderWay() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		FakeWriter writer = new FakeWriter(false) {

			@Override
			public boolean warmUp() {
				super.warmUp();
				try {
					return release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}

		};
		ExecutorService executor = DocumentWarmUpListener.singleDaemonThread();
		DocumentWarmUpListener listener = new DocumentWarmUpListener(writer, new WarmExcelWriter(), new WarmComposer(), executor);
		listener.beforeJob(execution());
		listener.progress(FIRST_CALL);
		assertThat(writer.done.await(30, TimeUnit.SECONDS)).isTrue();
		// a second run (serve: another job) starts while the first warm-up is still under way
		listener.beforeJob(execution());
		listener.progress(FIRST_CALL);
		release.countDown();
		executor.shutdown();
		assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(writer.calls).hasValue(1);
	}

	private static FetchProgressListener.Progress progress(int done, int planned, int calls) {
		return new FetchProgressListener.Progress("job", IsoWeek.parse("2026-W46"), done, planned, calls);
	}

	private static JobExecution execution() {
		return new JobExecution(1L, new JobInstance(1L, WeeklyReportJobConfiguration.JOB_NAME), new JobParameters());
	}

	/** Counts warm-ups instead of compiling anything. */
	@Test
	void warmsUpAColdExcelWriterBesideTheRendererSoThatTheFirstWorkbookFindsItsClassesLoaded() throws InterruptedException {
		ExcelReportWriter excel = new ExcelReportWriter();
		FakeWriter writer = new FakeWriter(true);
		ExecutorService executor = DocumentWarmUpListener.singleDaemonThread();
		DocumentWarmUpListener listener = new DocumentWarmUpListener(writer, excel, new WarmComposer(), executor);
		assertThat(excel.isWarm()).isFalse();
		listener.beforeJob(execution());
		listener.progress(FIRST_CALL);
		executor.shutdown();
		assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(excel.isWarm()).as("the Excel writer wrote its rehearsal workbook").isTrue();
		assertThat(writer.calls).as("the warm renderer is left alone").hasValue(0);
	}

	/** An email composer that has rendered its templates already. */
	private static final class WarmComposer extends ReportMessageComposer {

		WarmComposer() {
			super(null, null, null);
		}

		@Override
		public boolean isWarm() {
			return true;
		}

	}

	/** An Excel writer that has written a workbook already. */
	private static final class WarmExcelWriter extends ExcelReportWriter {

		@Override
		public boolean isWarm() {
			return true;
		}

	}

	private static class FakeWriter extends PdfReportWriter {

		final AtomicInteger calls = new AtomicInteger();

		final CountDownLatch done = new CountDownLatch(1);

		private final boolean warm;

		volatile Thread thread;

		FakeWriter(boolean warm) {
			super(Path.of("reports-templates"));
			this.warm = warm;
		}

		@Override
		public boolean isWarm() {
			return this.warm;
		}

		@Override
		public boolean warmUp() {
			this.calls.incrementAndGet();
			this.thread = Thread.currentThread();
			this.done.countDown();
			return true;
		}

	}

	/** Keeps the tasks instead of running them. */
	private static final class RecordingExecutor extends AbstractExecutorService {

		final List<Runnable> tasks = new ArrayList<>();

		@Override
		public void execute(Runnable task) {
			this.tasks.add(task);
		}

		@Override
		public void shutdown() {
		}

		@Override
		public List<Runnable> shutdownNow() {
			return List.of();
		}

		@Override
		public boolean isShutdown() {
			return false;
		}

		@Override
		public boolean isTerminated() {
			return false;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return true;
		}

	}

}
