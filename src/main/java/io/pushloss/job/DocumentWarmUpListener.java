package io.pushloss.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.pushloss.delivery.mail.ReportMessageComposer;
import io.pushloss.ingest.FetchProgressListener;
import io.pushloss.report.excel.ExcelReportWriter;
import io.pushloss.report.pdf.PdfReportWriter;

/**
 * Warms up the document writers on a background thread while the fetch waits for the vendor: the PDF renderer
 * (compiles the templates, loads fonts and exporter), the Excel writer (loads POI's sheet, style and chart classes)
 * and the email's templates, so that this one-time work of a few seconds overlaps the fetch instead of following it
 * in {@code renderExcel}, {@code renderPdf} and {@code deliver}. It starts once the fetch has made its first call and has more windows to fetch: from
 * then on the fetch spends most of its time waiting for the next call slot (one call per second at the vendor's
 * rate), so the warm-up neither delays the first call nor competes with the analysis and Excel steps for the
 * cores. A run with nothing to fetch gets no background warm-up: the render steps load what they need themselves.
 * Nothing happens once both writers are warm (a later run in the same {@code serve} process), while a warm-up is
 * already under way, more than once per run, or for a launch stopped before its first step. The warm-up never
 * fails a run: the render step reports any template error itself.
 */
@Component
class DocumentWarmUpListener implements JobExecutionListener, FetchProgressListener, DisposableBean {

	private final PdfReportWriter writer;

	private final ExcelReportWriter excel;

	private final ReportMessageComposer mail;

	private final ExecutorService executor;

	/** Whether this run (the last one started) has asked for its warm-up, or must not. */
	private final AtomicBoolean asked = new AtomicBoolean(true);

	@Autowired
	DocumentWarmUpListener(PdfReportWriter writer, ExcelReportWriter excel, ReportMessageComposer mail) {
		this(writer, excel, mail, singleDaemonThread());
	}

	DocumentWarmUpListener(PdfReportWriter writer, ExcelReportWriter excel, ReportMessageComposer mail,
			ExecutorService executor) {
		this.writer = writer;
		this.excel = excel;
		this.mail = mail;
		this.executor = executor;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		// GracefulStop (an earlier listener) stops a launch that raced the shutdown before its first step
		this.asked.set(execution.getStatus() == BatchStatus.STOPPING);
	}

	/** After each committed window: the first call made and more to fetch starts the warm-up, once. */
	@Override
	public void progress(Progress progress) {
		if (progress.calls() > 0 && progress.windowsDone() < progress.windowsPlanned()
				&& !(this.writer.isWarm() && this.excel.isWarm() && this.mail.isWarm())
				&& this.asked.compareAndSet(false, true)) {
			this.executor.execute(this::warmUp);
		}
	}

	private void warmUp() {
		if (!this.writer.isWarm()) {
			this.writer.warmUp();
		}
		if (!this.excel.isWarm()) {
			this.excel.warmUp();
		}
		if (!this.mail.isWarm()) {
			this.mail.warmUp();
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * At most one warm-up thread, a daemon so that it never keeps a finished {@code run} alive, gone when idle; a
	 * warm-up asked for while one runs is dropped (that one warms the same cache).
	 */
	static ExecutorService singleDaemonThread() {
		return new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), (task) -> {
			Thread thread = new Thread(task, "document-warm-up");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.DiscardPolicy());
	}

}
