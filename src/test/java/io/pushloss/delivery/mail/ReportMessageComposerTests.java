package io.pushloss.delivery.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.mail.ReportMessageComposer.Composed;

import static org.assertj.core.api.Assertions.assertThat;

class ReportMessageComposerTests {

	@TempDir
	Path temp;

	private final Session session = Session.getInstance(new Properties());

	@Test
	void escapesTextThatCameFromTheApi() throws Exception {
		WeeklyReport typical = SampleReports.typicalWeek();
		List<CodeLoss> codes = new ArrayList<>();
		for (CodeLoss code : typical.codes()) {
			codes.add(code.anomaly() ? new CodeLoss(code.source(), code.vendor(), code.stage(), "<b>x</b>",
					"<script>alert('x')</script>", code.counts(), code.status(), code.baseline(), true,
					code.remediation()) : code);
		}
		WeeklyReport hostile = new WeeklyReport(typical.header(), typical.completeness(), typical.totals(),
				typical.vendors(), codes, typical.topMovers(), typical.tasks(), typical.eventTypes(), typical.trend());

		String html = MailTestSupport.text(MailTestSupport.leaf(compose(hostile, DataSize.ofMegabytes(10)).message(),
				"text/html"));

		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;x&lt;/b&gt;")
			.doesNotContain("<script>", "<b>x</b>");
	}

	@Test
	void plansAttachmentsByTheirBase64Size() {
		assertThat(AttachmentPlan.base64Size(0)).isZero();
		assertThat(AttachmentPlan.base64Size(3)).isEqualTo(4 + 2);
		assertThat(AttachmentPlan.base64Size(57)).isEqualTo(76 + 2);
		assertThat(AttachmentPlan.base64Size(58)).isEqualTo(80 + 4);
		assertThat(AttachmentPlan.base64Size(3_000_000)).isEqualTo(4_000_000 + 2 * 52_632);
	}

	@Test
	void attachesBothUpToTheLimitAndThePdfOnlyAboveIt() throws Exception {
		var documents = DeliveryFixtures.documents(this.temp, "demo", "2026-W46", 3000, 3000);
		long both = AttachmentPlan.base64Size(3000) * 2;

		assertThat(AttachmentPlan.of(documents, both).excelOmitted()).isFalse();
		AttachmentPlan over = AttachmentPlan.of(documents, both - 1);
		assertThat(over.excelOmitted()).isTrue();
		assertThat(over.excel()).isNull();
		assertThat(over.pdf()).isEqualTo(documents.pdf());
	}

	@Test
	void editableTemplateInTheConfiguredFolderWinsAndOthersComeFromTheClasspath() throws Exception {
		Path dir = this.temp.resolve("reports-templates");
		Files.createDirectories(dir.resolve("email"));
		Files.writeString(dir.resolve("email/weekly-report.html"),
				"<p th:text=\"'Custom ' + ${view.week()}\">x</p>");
		MailTemplates templates = new MailTemplates(dir);
		ReportMailView view = view(SampleReports.typicalWeek(), Locale.ENGLISH);

		assertThat(templates.render("email/weekly-report.html", Map.of("view", view))).isEqualTo("<p>Custom 2026-W46</p>");
		assertThat(templates.render("email/weekly-report.txt", Map.of("view", view)))
			.contains("Push to all: 4,785 lost pushes this week, +61.7% against 2,960 last week",
				"Normal push: 1,385 lost pushes this week, +4.9% against 1,320 last week");
	}

	@Test
	void listsVendorsInTheReportsOneOrder() {
		WeeklyReport report = SampleReports.typicalWeek();
		ReportText text = ReportText.bundled(Locale.ENGLISH);
		ReportMailView view = view(report, Locale.ENGLISH);

		List<String> mailed = view.vendors()
			.stream()
			.flatMap((section) -> section.rows().stream().map((row) -> row.vendor() + "/" + row.stage()))
			.toList();

		assertThat(mailed).isEqualTo(report.vendorsByVendor()
			.stream()
			.map((loss) -> text.vendor(loss.vendor()) + "/" + text.stage(loss.stage()))
			.toList());
		for (ReportMailView.BarChart chart : view.charts()) {
			List<String> vendors = chart.bars().stream().map(ReportMailView.Bar::vendor).toList();
			assertThat(report.vendorOrder().stream().map(text::vendor).toList()).containsSubsequence(vendors);
		}
	}

	@Test
	void subjectsNameTheBiggestMoverThenEachSource() {
		assertThat(MailSubjects.weeklyReport(SampleReports.typicalWeek()))
			.isEqualTo("[weekly-push-loss] Push loss 2026-W46: Huawei 80300007 4.0x its baseline; Push to all 4,785 lost (+61.7%); Normal push 1,385 lost (+4.9%), 1 anomaly");
		assertThat(MailSubjects.weeklyReport(SampleReports.partialWeek()))
			.isEqualTo("[PARTIAL] [weekly-push-loss] Push loss 2026-W46: Huawei 80300007 4.0x its baseline; Push to all 4,785 lost (+61.7%); Normal push 1,385 lost (+4.9%), 1 anomaly");
		assertThat(MailSubjects.weeklyReport(SampleReports.emptyWeek()))
			.isEqualTo("[weekly-push-loss] Push loss 2026-W46: Push to all 0 lost (0.0%); Normal push 0 lost (0.0%), no anomalies");
		ReportText chinese = ReportText.bundled(Locale.SIMPLIFIED_CHINESE);
		WeeklyReport typical = SampleReports.typicalWeek();
		assertThat(MailSubjects.weeklyReport(typical, typical.story(), chinese))
			.isEqualTo("[weekly-push-loss] 推送丢失 2026年第46周：华为 80300007 为基线的 4.0倍；全员推送丢失 4,785 条（+61.7%）；普通推送丢失 1,385 条（+4.9%），1 项异常");
		assertThat(MailSubjects.anomalies(2, chinese)).isEqualTo("2 项异常");
	}

	@Test
	void thePreheaderNamesTheMoverWhoFixesItAndWhatToDo() {
		WeeklyReport typical = SampleReports.typicalWeek();
		assertThat(MailSubjects.preheader(typical, typical.story(), ReportText.bundled(Locale.ENGLISH)))
			.startsWith("Top cause: Huawei 80300007, 4.0x its baseline. Client app team: Make the client re-register")
			.contains("Push to all: 4,785 lost (+61.7%)");
		WeeklyReport empty = SampleReports.emptyWeek();
		assertThat(MailSubjects.preheader(empty, empty.story(), ReportText.bundled(Locale.ENGLISH)))
			.startsWith("No anomalies this week.");
	}

	@Test
	void aNewCauseIsNamedNewInTheSubjectNotAFactorOfZero() {
		WeeklyReport typical = SampleReports.typicalWeek();
		List<CodeLoss> codes = typical.codes().stream().map((code) -> new CodeLoss(code.source(), code.vendor(),
				code.stage(), code.errCode(), code.errInfo(), code.counts(), code.status(), code.baseline(),
				code.errCode().equals("10070"), code.remediation())).toList();
		WeeklyReport report = new WeeklyReport(typical.header(), typical.completeness(), typical.totals(),
				typical.vendors(), codes, typical.topMovers(), typical.tasks(), typical.eventTypes(), typical.trend());
		assertThat(MailSubjects.weeklyReport(report)).contains(": vivo 10070 new, 90 lost; Push to all");
	}

	@Test
	void warmsUpByRenderingAMadeUpReportsTemplatesAndSaysWhenItCannot() throws Exception {
		ReportMessageComposer composer = new ReportMessageComposer(new MailTemplates(null),
				MailTestSupport.properties(DataSize.ofMegabytes(10)), MailTestSupport.CLOCK);
		assertThat(composer.isWarm()).isFalse();

		assertThat(composer.warmUp()).isTrue();
		assertThat(composer.isWarm()).isTrue();

		// an operator's template that does not parse: one log line, no exception; the first email reports it
		Files.createDirectories(this.temp.resolve("email"));
		Files.writeString(this.temp.resolve("email/weekly-report.html"), "<p th:text=\"${view.nope(}\">x</p>");
		ReportMessageComposer broken = new ReportMessageComposer(new MailTemplates(this.temp),
				MailTestSupport.properties(DataSize.ofMegabytes(10)), MailTestSupport.CLOCK);
		assertThat(broken.warmUp()).isFalse();
		assertThat(broken.isWarm()).isFalse();
	}

	private static ReportMailView view(WeeklyReport report, Locale locale) {
		return ReportMailView.of(report, ReportText.bundled(locale),
				new ReportMailView.Footer(null, List.of(), null, null, "attached", "generated"));
	}

	@Test
	void withAPublicConsoleTheFooterLinksToTheWeeksPageAndDocuments() throws Exception {
		ReportMessageComposer composer = new ReportMessageComposer(new MailTemplates(null),
				MailTestSupport.properties(DataSize.ofMegabytes(10)), MailTestSupport.CLOCK,
				io.pushloss.analysis.ReportTexts.bundled(), new ConsoleLinks("https://pushloss.example.com/"));
		var documents = DeliveryFixtures.documents(this.temp, "demo", "2026-W46", 100, 100);
		Composed composed = composer.compose(this.session, "<t.1@test>", "demo",
				RecipientSet.of(DeliveryFixtures.RECIPIENTS), SampleReports.typicalWeek(), documents, "demo/2026/2026-W46",
				Locale.ENGLISH);
		composed.message().saveChanges();

		String html = MailTestSupport.text(MailTestSupport.leaf(composed.message(), "text/html"));
		assertThat(html).contains("href=\"https://pushloss.example.com/library/demo/2026-W46\"",
				"href=\"https://pushloss.example.com/library/demo/2026-W46/files/" + documents.pdf().getFileName() + "\"",
				"Open this week in the console")
			.doesNotContain("archived in");
		assertThat(MailTestSupport.text(MailTestSupport.leaf(composed.message(), "text/plain")))
			.contains("https://pushloss.example.com/library/demo/2026-W46");
	}

	@Test
	void withoutAPublicConsoleTheFooterNamesTheArchiveFolderRelativeToItsRootNeverAServerPath() throws Exception {
		String html = MailTestSupport.text(MailTestSupport.leaf(compose(SampleReports.typicalWeek(),
				DataSize.ofMegabytes(10), Path.of("/srv/share/archive/demo/2026/2026-W46")).message(), "text/html"));

		assertThat(html).contains("archived in demo/2026/2026-W46").doesNotContain("/srv", "href=");
		assertThat(ReportMessageComposer.relative(Path.of("/srv/share/archive/demo/2026/2026-W46")))
			.isEqualTo("demo/2026/2026-W46");
		assertThat(new ConsoleLinks("  ").enabled()).isFalse();
	}

	@Test
	void theHtmlIsDarkModeFriendlyAndHasNoImage() throws Exception {
		String html = MailTestSupport.text(MailTestSupport.leaf(compose(SampleReports.typicalWeek(),
				DataSize.ofMegabytes(10)).message(), "text/html"));

		assertThat(html).contains("<meta name=\"color-scheme\" content=\"light dark\">",
				"@media (prefers-color-scheme: dark)")
			.doesNotContain("<img");
	}

	@Test
	void theVendorBarsOfEachSourceAddUpToItsHeadlineAndItsVendorTable() {
		WeeklyReport report = SampleReports.typicalWeek();
		ReportMailView view = view(report, Locale.ENGLISH);
		assertThat(view.charts()).hasSameSizeAs(report.sources());
		for (int i = 0; i < view.charts().size(); i++) {
			io.pushloss.domain.LossSource source = report.sources().get(i);
			long bars = view.charts().get(i).bars().stream().mapToLong(ReportMailView.Bar::value).sum();
			long table = report.vendors().stream().filter((line) -> line.source() == source)
				.mapToLong((line) -> line.counts().thisWeek()).sum();
			assertThat(bars).as(source.name()).isEqualTo(report.headline(source).thisWeek()).isEqualTo(table);
			assertThat(view.charts().get(i).title()).startsWith(ReportText.bundled(Locale.ENGLISH).source(source));
			assertThat(view.charts().get(i).unit()).contains("lost pushes");
		}
	}

	@Test
	void everyCountInTheEmailIsAWholeNumber() throws Exception {
		String text = MailTestSupport.text(MailTestSupport.leaf(compose(SampleReports.typicalWeek(),
				DataSize.ofMegabytes(10)).message(), "text/plain"));
		assertThat(text).contains("baseline 405").doesNotContainPattern("baseline \\d[\\d,]*\\.\\d")
			.doesNotContain("about 0");
	}

	private Composed compose(WeeklyReport report, DataSize limit) throws Exception {
		return compose(report, limit, null);
	}

	private Composed compose(WeeklyReport report, DataSize limit, Path archiveFolder) throws Exception {
		ReportMessageComposer composer = new ReportMessageComposer(new MailTemplates(null),
				MailTestSupport.properties(limit), MailTestSupport.CLOCK);
		var documents = DeliveryFixtures.documents(this.temp, "demo", "2026-W46", 100, 100);
		Composed composed = composer.compose(this.session, "<t.1@test>", "demo",
				RecipientSet.of(DeliveryFixtures.RECIPIENTS), report, documents, archiveFolder);
		composed.message().saveChanges();
		return composed;
	}

}
