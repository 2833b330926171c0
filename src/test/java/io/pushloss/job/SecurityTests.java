package io.pushloss.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.sun.net.httpserver.HttpServer;
import io.pushloss.api.UserSig;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret key and the UserSigs signed with it appear nowhere: not in the console, not in the log file (every
 * {@code io.pushloss} logger at TRACE), not in the reports, archive, database or outbox, not in any email, not in
 * any failure message. And TaskIDs that look like paths never become paths.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTests extends ReliabilityContext {

	private static final long EXPIRE = Duration.ofDays(1).toSeconds();

	@Test
	void theSecretKeyAndTheUserSigsAppearInNoLogReportArchiveEmailOrMessage(CapturedOutput output) throws Exception {
		List<String> messages = new ArrayList<>();
		List<String> sentUserSigs = new CopyOnWriteArrayList<>();
		// a run that succeeds, with retried faults on the way, and emails its report
		JobDefinition succeeding = job("secret-ok", 1400000401L, Period.ofDays(7), "secret.example");
		this.apis.forJob(succeeding);
		this.apis.simulatorFor(succeeding)
			.faults(FaultSettings.of(0.3, 7, Fault.HTTP_502, Fault.TRUNCATED_BODY, Fault.ERROR_90102));
		messages.add(this.runner.run(succeeding, W46, RunOptions.DEFAULT).message());
		// a gateway that echoes the whole request, signed URL included, in its 502 page
		HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		gateway.createContext("/", (exchange) -> {
			String query = exchange.getRequestURI().getRawQuery();
			sentUserSigs.add(URLDecoder.decode(query.replaceAll(".*usersig=([^&]*).*", "$1"), StandardCharsets.UTF_8));
			byte[] page = ("<html><body>502 Bad Gateway for " + exchange.getRequestURI() + "</body></html>")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(502, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		gateway.start();
		try {
			JobDefinition echoed = atBaseUrl(job("secret-echo", 1400000402L, Period.ofDays(7), "secret.example"),
					"http://127.0.0.1:" + gateway.getAddress().getPort(), SECRET_KEY_ENV);
			messages.add(this.runner.run(echoed, W46, RunOptions.DEFAULT).message());
		}
		finally {
			gateway.stop(0);
		}
		// a vendor that refuses the key (70009), and one that answers garbage
		try (PushLossSimulator other = PushLossSimulator.start(SimulatorSettings.defaults()
			.withSdkAppId(1400000403L)
			.withSecretKey("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
			.withCallsPerSecond(50)
			.withClock(Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), NOW))))) {
			JobDefinition refused = atBaseUrl(job("secret-refused", 1400000403L, Period.ofDays(7), "secret.example"),
					other.baseUrl(), SECRET_KEY_ENV);
			messages.add(this.runner.run(refused, W46, RunOptions.DEFAULT).message());
		}
		JobDefinition garbled = job("secret-garbled", 1400000404L, Period.ofDays(7), "secret.example");
		this.apis.forJob(garbled);
		this.apis.simulatorFor(garbled).faults(FaultSettings.always(Fault.GARBLE_WRONG_TYPES));
		messages.add(this.runner.run(garbled, W46, RunOptions.DEFAULT).message());

		UserSig signer = new UserSig(SECRET_KEY, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(sentUserSigs).as("the gateway saw the client's UserSig, which this test can recompute")
			.isNotEmpty()
			.containsOnly(signer.generate(1400000402L, "administrator", NOW.getEpochSecond(), EXPIRE));
		Set<String> secrets = new LinkedHashSet<>();
		secrets.add(SECRET_KEY);
		for (long sdkAppId = 1400000401L; sdkAppId <= 1400000404L; sdkAppId++) {
			String userSig = signer.generate(sdkAppId, "administrator", NOW.getEpochSecond(), EXPIRE);
			secrets.add(userSig);
			secrets.add(URLEncoder.encode(userSig, StandardCharsets.UTF_8));
			secrets.add(signer.hmac(sdkAppId, "administrator", NOW.getEpochSecond(), EXPIRE));
		}

		assertThat(messages).as("every run ran to its end").hasSize(4).doesNotContainNull();
		assertThat(logFile()).exists();
		assertThat(Files.readString(logFile())).as("TRACE really is on").contains("usersig=<redacted>");
		assertThat(MAIL.getReceivedMessagesForDomain("secret.example")).as("the report was emailed").isNotEmpty();
		assertThat(MAIL.getReceivedMessagesForDomain("secret.owners")).as("failures were emailed").isNotEmpty();
		List<String> texts = new ArrayList<>(messages);
		texts.add(output.getAll());
		texts.addAll(this.jdbc.queryForList("SELECT exit_message FROM batch_job_execution", String.class));
		texts.addAll(this.jdbc.queryForList("SELECT exit_message FROM batch_step_execution", String.class));
		texts.addAll(this.jdbc.queryForList("SELECT short_context FROM batch_job_execution_context", String.class));
		texts.addAll(this.jdbc.queryForList("SELECT last_error FROM delivery_ledger", String.class));
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			texts.addAll(decoded(message));
		}
		try (Stream<Path> files = Files.walk(DATA_DIR)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				texts.addAll(decoded(file.toString(), Files.readAllBytes(file)));
			}
		}
		for (String secret : secrets) {
			assertThat(texts).as("texts holding a secret").noneMatch((text) -> text != null && text.contains(secret));
		}
	}

	@Test
	void taskIdsThatLookLikePathsNeverBecomePaths() throws Exception {
		String probe = "pushloss-escape-probe";
		List<String> tasks = List.of("../../../" + probe, "/tmp/" + probe, "..\\..\\" + probe, "a/../../" + probe,
				"..");
		JobDefinition base = job("hostile-tasks", 1400000405L, Period.ofDays(7), "hostile.example");
		JobDefinition job = new JobDefinition(base.name(), base.zone(), base.schedule(), base.api(),
				new JobDefinition.Sources(true, tasks), base.window(), base.baselineWeeks(), base.recipients(),
				base.owners(), base.archive(), null);

		RunOutcome outcome = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(Files.readString(reports(job, W46).resolve("summary.json"))).contains(probe);
		// an escape from reports/<job>/<week>/ or the archive lands in the data dir or one of its ancestors
		assertThat(pathsNamed(probe, DATA_DIR)).isEmpty();
		for (Path ancestor = DATA_DIR.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
			assertThat(childrenNamed(probe, ancestor)).isEmpty();
		}
		assertThat(childrenNamed(probe, Path.of(System.getProperty("java.io.tmpdir")))).isEmpty();
		try (Stream<Path> files = Files.walk(DATA_DIR)) {
			assertThat(files.filter((path) -> path.toString().contains(job.name())).map(DATA_DIR::relativize))
				.isNotEmpty()
				.allMatch((path) -> path.startsWith("reports/hostile-tasks") || path.startsWith("archive/hostile-tasks")
						|| path.equals(Path.of("locks/hostile-tasks-2026-W46.lock")));
		}
	}

	private static List<Path> pathsNamed(String name, Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.getFileName().toString().contains(name)).toList();
		}
	}

	private static List<Path> childrenNamed(String name, Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter((path) -> path.getFileName().toString().contains(name)).toList();
		}
	}

	/** What a file holds, decoded where it is compressed or encoded: workbooks, PDFs, emails. */
	private static List<String> decoded(String name, byte[] bytes) throws Exception {
		List<String> texts = new ArrayList<>();
		texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
		if (name.endsWith(".xlsx") || name.endsWith(".zip")) {
			// ZipFile, not ZipInputStream: POI writes entries whose local headers leave the sizes to the directory
			Path copy = Files.write(Files.createTempFile("security-scan", ".zip"), bytes);
			try (ZipFile zip = new ZipFile(copy.toFile())) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					try (InputStream in = zip.getInputStream(entry)) {
						texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
			finally {
				Files.delete(copy);
			}
		}
		else if (name.endsWith(".pdf")) {
			try (PDDocument pdf = Loader.loadPDF(bytes)) {
				texts.add(new PDFTextStripper().getText(pdf));
			}
		}
		else if (name.endsWith(".eml")) {
			texts.addAll(decoded(new MimeMessage((Session) null, new ByteArrayInputStream(bytes))));
		}
		return texts;
	}

	private static List<String> decoded(MimeMessage message) throws Exception {
		List<String> texts = new ArrayList<>();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		texts.add(raw.toString(StandardCharsets.ISO_8859_1));
		addParts(message, texts);
		return texts;
	}

	private static void addParts(Part part, List<String> texts) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				addParts(child, texts);
			}
		}
		else if (content instanceof String text) {
			texts.add(text);
		}
		else if (content instanceof InputStream in) {
			String name = (part.getFileName() != null) ? part.getFileName() : "";
			texts.addAll(decoded(name, in.readAllBytes()));
		}
	}

}
