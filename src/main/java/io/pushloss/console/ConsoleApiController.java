package io.pushloss.console;

import java.net.URI;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.pushloss.accounts.AuditTrail;
import io.pushloss.console.ConsoleViews.AuditJson;
import io.pushloss.console.ConsoleViews.JobJson;
import io.pushloss.console.ConsoleViews.RequestJson;
import io.pushloss.console.ConsoleViews.RunDetailJson;
import io.pushloss.console.ConsoleViews.RunJson;
import io.pushloss.console.ConsoleViews.WeekJson;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.scheduling.ReportRequest;

/**
 * The JSON API under {@code /api}: jobs, runs, run-now and backfill requests (202 and the request's location),
 * pause and resume, the archived documents of a week. Bad input is a 400 problem (RFC 9457) naming the field, see
 * {@link ConsoleApiProblems}.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ConsoleApiController {

	private final ConsoleJobs jobs;

	private final ConsoleRuns runs;

	private final ReportLibrary library;

	private final AuditTrail audit;

	ConsoleApiController(ConsoleJobs jobs, ConsoleRuns runs, ReportLibrary library, AuditTrail audit) {
		this.jobs = jobs;
		this.runs = runs;
		this.library = library;
		this.audit = audit;
	}

	/** Every served job with its schedule and last run. */
	@GetMapping("/jobs")
	List<JobJson> jobs() {
		return this.jobs.jobs().stream().map(JobJson::of).toList();
	}

	/** One served job. */
	@GetMapping("/jobs/{name}")
	JobJson job(@PathVariable String name) {
		return JobJson.of(this.jobs.job(name));
	}

	/** The most recent runs, newest first, filtered by job, status and weeks. */
	@GetMapping("/runs")
	List<RunJson> runs(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "50") int limit) {
		if (job != null && !job.isBlank()) {
			this.jobs.definition(job);
		}
		return this.runs.runs(job, status, from, to, limit);
	}

	/** One run with its steps and progress. */
	@GetMapping("/runs/{id}")
	RunDetailJson run(@PathVariable long id) {
		return this.runs.run(id).orElseThrow(() -> new NotFoundException("id", "No run " + id));
	}

	/** Queues the run of one week: 202 with the location of the request, which names its run once it ran. */
	@PostMapping(path = "/jobs/{name}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RequestJson> runNow(@PathVariable String name, @RequestBody RunNowBody body, Principal user) {
		ReportRequest request = this.jobs.runNow(name, body.week(), (body.email() == null) || body.email(),
				Boolean.TRUE.equals(body.force()), ConsoleUsers.name(user));
		return accepted(request);
	}

	/** Queues the runs of a range of weeks, oldest first: 202 with the location of the request. */
	@PostMapping(path = "/jobs/{name}/backfills", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RequestJson> backfill(@PathVariable String name, @RequestBody BackfillBody body, Principal user) {
		ReportRequest request = this.jobs.backfill(name, body.from(), body.to(), Boolean.TRUE.equals(body.email()),
				Boolean.TRUE.equals(body.force()), ConsoleUsers.name(user));
		return accepted(request);
	}

	/** A run-now or backfill request and the runs it made. */
	@GetMapping("/requests/{id}")
	RequestJson request(@PathVariable String id) {
		return this.runs.request(id).orElseThrow(() -> new NotFoundException("id", "No request " + id));
	}

	/** Pauses the job's schedule (kept in the Quartz store). */
	@PostMapping("/jobs/{name}/pause")
	JobJson pause(@PathVariable String name, Principal user) {
		return JobJson.of(this.jobs.pause(name, ConsoleUsers.name(user)));
	}

	/** Resumes the job's schedule. */
	@PostMapping("/jobs/{name}/resume")
	JobJson resume(@PathVariable String name, Principal user) {
		return JobJson.of(this.jobs.resume(name, ConsoleUsers.name(user)));
	}

	/** The job's archived weeks, newest first. */
	@GetMapping("/jobs/{name}/weeks")
	List<WeekJson> weeks(@PathVariable String name) {
		return this.library.weeks(this.jobs.definition(name));
	}

	/** The archived documents of a week, with their SHA-256. */
	@GetMapping("/jobs/{name}/weeks/{week}/documents")
	List<ConsoleViews.DocumentJson> documents(@PathVariable String name, @PathVariable String week) {
		JobDefinition job = this.jobs.definition(name);
		return this.library.week(job, ConsoleJobs.week("week", week))
			.map(WeekJson::documents)
			.orElseThrow(() -> new NotFoundException("week", "Week " + week + " of " + name + " is not archived"));
	}

	/** One archived document. */
	@GetMapping(path = "/jobs/{name}/weeks/{week}/documents/{file:.+}", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> document(@PathVariable String name, @PathVariable String week,
			@PathVariable String file) {
		return download(this.library, this.jobs.definition(name), week, file);
	}

	/** The audit trail, newest first. */
	@GetMapping("/audit")
	List<AuditJson> audit(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new BadInputException("limit", "limit must be between 1 and 1000");
		}
		return this.audit.recent(limit)
			.stream()
			.map((entry) -> new AuditJson(entry.at(), entry.user(), entry.action().name(), entry.target()))
			.toList();
	}

	static ResponseEntity<Resource> download(ReportLibrary library, JobDefinition job, String week, String file) {
		Path path = library.document(job, ConsoleJobs.week("week", week), file)
			.orElseThrow(() -> new NotFoundException("file", "No document " + ConsoleText.shorten(file) + " in week "
					+ week + " of " + job.name()));
		MediaType type = file.endsWith(".pdf") ? MediaType.APPLICATION_PDF
				: file.endsWith(".json") ? MediaType.APPLICATION_JSON
						: file.endsWith(".xlsx")
								? MediaType.parseMediaType(
										"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
								: MediaType.APPLICATION_OCTET_STREAM;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(path.getFileName().toString()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(path));
	}

	private static ResponseEntity<RequestJson> accepted(ReportRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/requests/" + request.id()))
			.body(RequestJson.of(request, List.of()));
	}

	/**
	 * The body of a run-now request.
	 *
	 * @param week the week, {@code YYYY-Www}; it must have ended in the job's zone
	 * @param email whether to email the report (default true, as {@code run})
	 * @param force fetch every window again even when the week is complete (default false)
	 */
	record RunNowBody(String week, Boolean email, Boolean force) {
	}

	/**
	 * The body of a backfill request.
	 *
	 * @param from the first week
	 * @param to the last week; it must have ended
	 * @param email whether to email each report (default false, as {@code backfill})
	 * @param force refresh weeks that are complete (default false: they are skipped)
	 */
	record BackfillBody(String from, String to, Boolean email, Boolean force) {
	}

}
