package io.pushloss.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium through ChromeDriver) against {@code serve} on a real port with
 * the embedded simulator: a wrong password refused, a viewer who sees no run button and whose forged POST is
 * refused, an operator who runs a week and watches it reach COMPLETED, the PDF downloaded, the week page's charts
 * drawn (their animation finished) with every table column labelled and no error in the browser's console. Each
 * page's screenshot goes to {@code target/console-screenshots/}.
 * Skipped when Chromium or ChromeDriver is missing, except in CI ({@code CI=true}), where that fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

	private static final String JOB = "console-browser";

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	@TempDir
	static Path dir;

	private static ConsoleServer server;

	private static ChromeDriver browser;

	private static String base;

	/** The week the operator ran, once run. */
	private static String week;

	@BeforeAll
	static void startServeAndBrowser() throws Exception {
		Optional<Path> chromium = executable("PUSHLOSS_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
		Optional<Path> chromedriver = executable("PUSHLOSS_CHROMEDRIVER", "chromedriver");
		if (chromium.isEmpty() || chromedriver.isEmpty()) {
			String reason = "Chromium and ChromeDriver are needed for the browser tests (apt-get install chromium "
					+ "chromium-driver); found " + chromium.map(Path::toString).orElse("no chromium") + ", "
					+ chromedriver.map(Path::toString).orElse("no chromedriver");
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(reason + " (CI=true requires them)");
			}
			Assumptions.abort(reason);
		}
		Files.createDirectories(SCREENSHOTS);
		server = ConsoleServer.start(dir, JOB, Map.of());
		base = "http://127.0.0.1:" + server.port();

		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.get().toFile());
		Path profile = Path.of("target", "chrome-profile-" + UUID.randomUUID()).toAbsolutePath();
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--window-size=1280,1024");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.get().toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	@Order(1)
	void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() throws IOException {
		browser.manage().deleteAllCookies();
		browser.get(base + "/jobs");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
		screenshot("login");

		logIn(ConsoleServer.VIEWER, "not the password at all");

		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login?error");
		assertThat(browser.findElement(By.id("login-error")).getText())
			.isEqualTo("Wrong name or password, or the account is locked for a while after repeated failures.");
		screenshot("login-refused");
	}

	@Test
	@Order(2)
	void aViewerSeesNoRunButtonAndIsRefusedAForgedPost() throws IOException {
		browser.manage().deleteAllCookies();
		browser.get(base + "/jobs");
		logIn(ConsoleServer.VIEWER, ConsoleServer.PASSWORD);

		assertThat(browser.getCurrentUrl()).startsWith(base + "/jobs");
		assertThat(browser.findElement(By.id("job-" + JOB)).getText()).contains(JOB);
		assertThat(browser.findElements(By.cssSelector("form.run-now, form.backfill, button.pause, button.resume")))
			.isEmpty();
		assertThat(browser.findElements(By.xpath("//button[normalize-space()='Run now']"))).isEmpty();
		Cookie session = browser.manage().getCookieNamed("JSESSIONID");
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertNoErrorsInTheConsole();
		screenshot("jobs-viewer");

		// with the session's own CSRF token (from the sign-out form), as a page script could send it
		String token = browser.findElement(By.cssSelector("form[action='/logout'] input[name='_csrf']"))
			.getDomAttribute("value");
		Object pageStatus = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var body = new URLSearchParams({ week: arguments[1], email: 'false', _csrf: arguments[0] });
				fetch('/jobs/%s/run', { method: 'POST', body: body, redirect: 'manual' })
				  .then(function (r) { done(r.status); }, function (e) { done(String(e)); });
				""".formatted(JOB), token, "2026-W46");
		Object apiStatus = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch('/api/jobs/%s/runs', { method: 'POST', headers: { 'Content-Type': 'application/json',
				    'X-CSRF-TOKEN': arguments[0], 'X-Requested-With': 'XMLHttpRequest' },
				    body: JSON.stringify({ week: '2026-W46' }) })
				  .then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t); }); },
				        function (e) { done(String(e)); });
				""".formatted(JOB), token);

		assertThat(pageStatus).isEqualTo(403L);
		assertThat(String.valueOf(apiStatus)).startsWith("403 ").contains("\"status\":403");
		assertThat(server.context().getBean(io.pushloss.accounts.AuditTrail.class).recent(10))
			.noneMatch((entry) -> entry.user().equals(ConsoleServer.VIEWER));
		browser.manage().logs().get(LogType.BROWSER);   // the two refusals are logged as errors: not the pages'
		logOut();
	}

	@Test
	@Order(3)
	void anOperatorRunsAWeekAndWatchesItReachCompleted() throws IOException {
		browser.manage().deleteAllCookies();
		browser.get(base + "/jobs");
		logIn(ConsoleServer.OPERATOR, ConsoleServer.PASSWORD);
		assertThat(browser.getCurrentUrl()).startsWith(base + "/jobs");
		screenshot("jobs-operator");

		WebElement form = browser.findElement(By.cssSelector("form.run-now"));
		week = form.findElement(By.name("week")).getDomProperty("value");
		WebElement email = form.findElement(By.name("email"));
		if (email.isSelected()) {
			email.click();
		}
		form.findElement(By.xpath(".//button[normalize-space()='Run now']")).click();
		// click() returns once the form is submitted, not once the request's page is there
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until((driver) -> driver.getCurrentUrl().startsWith(base + "/requests/"));

		assertThat(browser.getCurrentUrl()).startsWith(base + "/requests/");
		screenshot("request-queued");
		new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(500))
			.ignoring(WebDriverException.class)
			.until((driver) -> "DONE".equals(driver.findElement(By.id("request-state")).getText()));
		screenshot("request-done");

		browser.findElement(By.cssSelector("#request-runs a")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("run-status")));
		assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("COMPLETED");
		assertThat(browser.getPageSource()).contains("push-loss-" + JOB + "-" + week + ".pdf");
		assertNoErrorsInTheConsole();
		screenshot("run");

		browser.get(base + "/runs");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(week).contains("COMPLETED");
		screenshot("runs");
		browser.get(base + "/audit");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(ConsoleServer.OPERATOR)
			.contains(JOB + " " + week);
		assertNoErrorsInTheConsole();
		screenshot("audit");
	}

	@Test
	@Order(4)
	void downloadsTheWeeksPdfFromTheLibrary() throws IOException {
		Assumptions.assumeTrue(week != null, "the operator's run did not happen");
		browser.get(base + "/library/" + JOB);
		screenshot("library");
		WebElement pdf = browser.findElement(By.cssSelector("a[href$='.pdf']"));
		String href = pdf.getDomAttribute("href");

		Object head = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); })
				  .then(function (b) { done(String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)))); },
				        function (e) { done(String(e)); });
				""", href);

		assertThat(head).isEqualTo("%PDF-");
		assertNoErrorsInTheConsole();
	}

	@Test
	@Order(5)
	void drawsTheWeeksChartsWithNoErrorInTheBrowser() throws IOException {
		Assumptions.assumeTrue(week != null, "the operator's run did not happen");
		browser.get(base + "/library/" + JOB + "/" + week);

		// data-rendered is set once every chart has finished drawing, its animation included: the screenshot shows
		// the charts as a reader sees them, not half-way
		new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200))
			.until((driver) -> !driver.findElements(By.cssSelector("#charts[data-rendered='true']")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#vendor-charts canvas"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#trend-chart canvas"))).isNotEmpty();
		List<String> headers = browser.findElements(By.cssSelector("main table.grid th"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(headers).as("every column of the week page's tables is labelled").doesNotContain("")
			.contains("Change (pushes)", "Change (%)");
		Long drawn = (Long) browser.executeScript("""
				var canvas = document.querySelector('#trend-chart canvas');
				var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				var painted = 0;
				for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
				return painted;
				""");
		assertThat(drawn).isPositive();
		assertNoErrorsInTheConsole();
		screenshot("week");
	}

	private static void logIn(String name, String password) {
		browser.findElement(By.id("username")).sendKeys(name);
		browser.findElement(By.id("password")).sendKeys(password);
		WebElement button = browser.findElement(By.id("login-button"));
		button.click();
		// click() returns once the form is submitted, not once the next page is there: wait for the login page to go
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
	}

	private static void logOut() {
		browser.findElement(By.xpath("//form[@action='/logout']//button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until((driver) -> driver.getCurrentUrl().equals(base + "/login?logout"));
		assertThat(browser.findElement(By.id("logged-out")).getText()).isEqualTo("You are logged out.");
		browser.get(base + "/jobs");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
	}

	/** The browser's console since the last look: no SEVERE entry (a script error, a refused resource, a CSP violation). */
	private static void assertNoErrorsInTheConsole() {
		List<LogEntry> severe = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
		assertThat(severe).as("SEVERE entries in the browser's console on " + browser.getCurrentUrl()).isEmpty();
	}

	private static void screenshot(String name) throws IOException {
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/** An executable named by an environment variable, or the first of the names on the PATH. */
	private static Optional<Path> executable(String variable, String... names) {
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
		return Stream.of(names)
			.flatMap((name) -> Stream.of(path.split(File.pathSeparator)).map((folder) -> Path.of(folder, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
