package io.pushloss.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.console.ConsoleViews.JobJson;
import io.pushloss.console.ConsoleViews.ProgressJson;
import io.pushloss.console.ConsoleViews.RequestJson;
import io.pushloss.console.ConsoleViews.RunDetailJson;
import io.pushloss.console.ConsoleViews.WeekJson;
import io.pushloss.accounts.AuditTrail;
import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.scheduling.ReportRequest;

/**
 * The console's pages (server-rendered, {@code templates/console/}), their forms (POST, with the CSRF token
 * Thymeleaf adds to {@code th:action}), and the few JSON answers and downloads their scripts and links use under
 * the pages' own session. Operator-only forms are shown only to operators (model flag {@code operator}).
 */
@Controller
class ConsolePagesController {

	/** The role that may run, backfill, pause and resume (Spring Security's {@code ROLE_OPERATOR}). */
	static final String OPERATOR = "OPERATOR";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConsoleJobs jobs;

	private final ConsoleRuns runs;

	private final ReportLibrary library;

	private final AuditTrail audit;

	ConsolePagesController(ConsoleJobs jobs, ConsoleRuns runs, ReportLibrary library, AuditTrail audit) {
		this.jobs = jobs;
		this.runs = runs;
		this.library = library;
		this.audit = audit;
	}

	@ModelAttribute
	void user(HttpServletRequest request, Model model) {
		model.addAttribute("operator", request.isUserInRole(OPERATOR));
		model.addAttribute("user", (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null);
	}

	@GetMapping("/")
	String home() {
		return "redirect:/jobs";
	}

	@GetMapping("/jobs")
	String jobs(Model model) {
		model.addAttribute("jobs", this.jobs.jobs().stream().map(JobJson::of).toList());
		model.addAttribute("page", "jobs");
		return "console/jobs";
	}

	@PostMapping("/jobs/{name}/run")
	String runNow(@PathVariable String name, @RequestParam(required = false) String week,
			@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "false") boolean force,
			Principal user, RedirectAttributes redirect) {
		try {
			ReportRequest request = this.jobs.runNow(name, week, email, force, ConsoleUsers.name(user));
			return "redirect:/requests/" + request.id();
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/jobs";
		}
	}

	@PostMapping("/jobs/{name}/backfill")
	String backfill(@PathVariable String name, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean email,
			@RequestParam(defaultValue = "false") boolean force, Principal user, RedirectAttributes redirect) {
		try {
			ReportRequest request = this.jobs.backfill(name, from, to, email, force, ConsoleUsers.name(user));
			return "redirect:/requests/" + request.id();
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/jobs";
		}
	}

	@PostMapping("/jobs/{name}/pause")
	String pause(@PathVariable String name, Principal user, RedirectAttributes redirect) {
		this.jobs.pause(name, ConsoleUsers.name(user));
		redirect.addFlashAttribute("notice", "The schedule of " + name + " is paused.");
		return "redirect:/jobs";
	}

	@PostMapping("/jobs/{name}/resume")
	String resume(@PathVariable String name, Principal user, RedirectAttributes redirect) {
		this.jobs.resume(name, ConsoleUsers.name(user));
		redirect.addFlashAttribute("notice", "The schedule of " + name + " is resumed.");
		return "redirect:/jobs";
	}

	@GetMapping("/runs")
	String runs(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		model.addAttribute("page", "runs");
		model.addAttribute("jobNames", this.jobs.jobs().stream().map(ConsoleJobs.JobView::name).toList());
		model.addAttribute("filter", new RunFilter(job, status, from, to));
		try {
			model.addAttribute("runs", this.runs.runs(job, status, from, to, 100));
		}
		catch (BadInputException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("runs", List.of());
		}
		return "console/runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		RunDetailJson run = this.runs.run(id).orElseThrow(() -> new NotFoundException("id", "No run " + id));
		model.addAttribute("page", "runs");
		model.addAttribute("detail", run);
		Optional<JobDefinition> job = optionalJob(run.run().job());
		model.addAttribute("archived", job.flatMap((definition) -> this.library.week(definition,
				IsoWeek.parse(run.run().week()))).orElse(null));
		return "console/run";
	}

	/** The progress of a run, polled by the run page's script. */
	@GetMapping(path = "/runs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ProgressJson progress(@PathVariable long id) {
		return this.runs.run(id).map(RunDetailJson::progress).orElseThrow(() -> new NotFoundException("id", "No run " + id));
	}

	@GetMapping("/requests/{id}")
	String request(@PathVariable String id, Model model) {
		model.addAttribute("page", "runs");
		model.addAttribute("request", this.runs.request(id).orElseThrow(() -> new NotFoundException("id", "No request")));
		return "console/request";
	}

	/** A request's state, polled by the request page's script. */
	@GetMapping(path = "/requests/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	RequestJson requestStatus(@PathVariable String id) {
		return this.runs.request(id).orElseThrow(() -> new NotFoundException("id", "No request"));
	}

	@GetMapping("/library")
	String library(Model model) {
		List<JobJson> jobs = this.jobs.jobs().stream().map(JobJson::of).toList();
		if (jobs.size() == 1) {
			return "redirect:/library/" + jobs.get(0).name();
		}
		model.addAttribute("page", "library");
		model.addAttribute("jobs", jobs);
		return "console/library";
	}

	@GetMapping("/library/{job}")
	String libraryJob(@PathVariable String job, Model model) {
		JobDefinition definition = this.jobs.definition(job);
		model.addAttribute("page", "library");
		model.addAttribute("job", definition.name());
		model.addAttribute("weeks", this.library.weeks(definition));
		return "console/library-job";
	}

	@GetMapping("/library/{job}/{week}")
	String week(@PathVariable String job, @PathVariable String week, Model model) {
		JobDefinition definition = this.jobs.definition(job);
		IsoWeek parsed = ConsoleJobs.week("week", week);
		WeekJson archived = this.library.week(definition, parsed)
			.orElseThrow(() -> new NotFoundException("week", "Week " + parsed + " of " + job + " is not archived"));
		model.addAttribute("page", "library");
		model.addAttribute("job", definition.name());
		model.addAttribute("week", archived);
		model.addAttribute("headline", headline(definition, parsed));
		return "console/week";
	}

	/** The archived summary.json of a week, read by the week page's charts. */
	@GetMapping(path = "/library/{job}/{week}/summary.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Resource> summary(@PathVariable String job, @PathVariable String week) {
		return ConsoleApiController.download(this.library, this.jobs.definition(job), week, "summary.json");
	}

	/** An archived document of a week. */
	@GetMapping("/library/{job}/{week}/files/{file:.+}")
	ResponseEntity<Resource> file(@PathVariable String job, @PathVariable String week, @PathVariable String file) {
		return ConsoleApiController.download(this.library, this.jobs.definition(job), week, file);
	}

	@GetMapping("/audit")
	String audit(Model model) {
		model.addAttribute("page", "audit");
		model.addAttribute("entries", this.audit.recent(200));
		model.addAttribute("requests", this.runs.requests(50));
		return "console/audit";
	}

	@ExceptionHandler({ UnknownJobException.class, NotFoundException.class })
	String notFound(RuntimeException ex, Model model, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		return error(HttpStatus.NOT_FOUND, ex, model, request, response);
	}

	@ExceptionHandler(BadInputException.class)
	String badInput(BadInputException ex, Model model, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		return error(HttpStatus.BAD_REQUEST, ex, model, request, response);
	}

	/** The error page with the exception's message, answered with the status. */
	private String error(HttpStatus status, RuntimeException ex, Model model, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(status.value());
		user(request, model);
		model.addAttribute("message", ex.getMessage());
		return "console/error";
	}

	private Optional<JobDefinition> optionalJob(String name) {
		try {
			return Optional.of(this.jobs.definition(name));
		}
		catch (UnknownJobException ex) {
			return Optional.empty();
		}
	}

	/** The headline figures of the archived summary.json: the numbers of the PDF's first page. */
	private List<Headline> headline(JobDefinition job, IsoWeek week) {
		Optional<Path> summary = this.library.document(job, week, "summary.json");
		if (summary.isEmpty()) {
			return List.of();
		}
		JsonNode root;
		try {
			root = JSON.readTree(Files.readString(summary.get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + summary.get(), ex);
		}
		List<Headline> headline = new ArrayList<>();
		for (JsonNode line : root.path("headline")) {
			headline.add(new Headline(line.path("sourceName").asString(), line.path("thisWeek").asLong(),
					line.path("lastWeek").asLong(), line.path("delta").asLong(), line.path("percentLabel").asString()));
		}
		return headline;
	}

	/**
	 * The runs page's filter, as given.
	 *
	 * @param job the job name or empty
	 * @param status a status or empty
	 * @param from the first week or empty
	 * @param to the last week or empty
	 */
	public record RunFilter(String job, String status, String from, String to) {
	}

	/**
	 * One headline figure of a week.
	 *
	 * @param source the loss source
	 * @param thisWeek losses this week
	 * @param lastWeek losses last week
	 * @param delta the change
	 * @param percent the change in percent, as the PDF writes it
	 */
	public record Headline(String source, long thisWeek, long lastWeek, long delta, String percent) {
	}

}
