package io.pushloss.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.LossCode;
import io.pushloss.simulator.PlantedEvents;
import io.pushloss.simulator.SyntheticLossData;
import io.pushloss.store.StoredRows;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of the demo week (2026-W46, seed 42, Asia/Shanghai) through the whole job, checked against figures
 * computed independently from the simulator's own hourly buckets, never from the store; and the documents checked
 * against each other.
 */
class WeeklyReportAnalysisTests extends WholeJobTestBase {

	/** jobs/demo.yml with weekly windows and a two-week baseline: 12 calls. */
	private static final JobDefinition DEMO = simulatorJob("analysis-demo", 1400000201L, Period.ofDays(7), 2, true,
			DEMO_TASKS);

	/** The simulator's data, built here from the job's seed and zone: independent of the run. */
	private static final SyntheticLossData SIMULATED = new SyntheticLossData(42, SHANGHAI);

	private static final IsoWeek W45 = W46.minusWeeks(1);

	private static final IsoWeek W44 = W46.minusWeeks(2);

	@Test
	void totalsPerSourceAndStageEqualTheSimulatorsBucketsForBothWeeks() throws IOException {
		JsonNode summary = demoSummary();

		assertThat(summary.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(summary.get("header").get("baselineWeeks").toString()).isEqualTo("[\"2026-W45\",\"2026-W44\"]");
		for (LossSource source : LossSource.values()) {
			long sourceThisWeek = 0;
			long sourceLastWeek = 0;
			for (Stage stage : Stage.values()) {
				long thisWeek = simulated(source, W46, (row) -> row.vendor() == null && row.stage() == stage);
				long lastWeek = simulated(source, W45, (row) -> row.vendor() == null && row.stage() == stage);
				JsonNode total = only(summary.get("totals"),
						(node) -> node.get("source").asString().equals(source.name())
								&& node.get("stage").asString().equals(stage.name()));
				assertThat(total.get("thisWeek").asLong()).as("%s %s in W46", source, stage).isEqualTo(thisWeek)
					.isPositive();
				assertThat(total.get("lastWeek").asLong()).as("%s %s in W45", source, stage).isEqualTo(lastWeek)
					.isPositive();
				sourceThisWeek += thisWeek;
				sourceLastWeek += lastWeek;
			}
			JsonNode headline = only(summary.get("headline"),
					(node) -> node.get("source").asString().equals(source.name()));
			assertThat(headline.get("thisWeek").asLong()).isEqualTo(sourceThisWeek);
			assertThat(headline.get("lastWeek").asLong()).isEqualTo(sourceLastWeek);
		}
	}

	@Test
	void aVendorCodeLineEqualsTheSimulatorsBucketsForTheWeekAndItsBaseline() throws IOException {
		JsonNode summary = demoSummary();
		Predicate<LossRow> huawei80300007 = (row) -> row.vendor() == Vendor.HUAWEI
				&& row.stage() == Stage.POST_SEND_DELIVERED && row.errCode().equals("80300007");

		JsonNode line = code(summary, LossSource.ALL_MEMBER, Vendor.HUAWEI, Stage.POST_SEND_DELIVERED, "80300007");

		long w45 = simulated(LossSource.ALL_MEMBER, W45, huawei80300007);
		long w44 = simulated(LossSource.ALL_MEMBER, W44, huawei80300007);
		assertThat(line.get("thisWeek").asLong()).isEqualTo(simulated(LossSource.ALL_MEMBER, W46, huawei80300007));
		assertThat(line.get("lastWeek").asLong()).isEqualTo(w45);
		assertThat(line.get("baseline").get("counts").toString()).isEqualTo("[" + w45 + "," + w44 + "]");
		assertThat(line.get("errInfo").asString()).isEqualTo("invalid token");
	}

	@Test
	void findsTheEventsPlantedInTheDemoWeek() throws IOException {
		JsonNode summary = demoSummary();
		LossCode rareCode = PlantedEvents.rareCode(W46);
		LossCode lastWeeksRareCode = PlantedEvents.rareCode(W45);
		LossCode spike = PlantedEvents.SPIKE_CODE;
		// The calendar of doc/sim.md
		assertThat(List.of(rareCode.vendor(), rareCode.errCode())).containsExactly(Vendor.FCM, "THIRD_PARTY_AUTH_ERROR");
		assertThat(List.of(lastWeeksRareCode.vendor(), lastWeeksRareCode.errCode())).containsExactly(Vendor.VIVO,
				"10094");
		assertThat(PlantedEvents.isSpikeWeek(W46)).isTrue();

		for (LossSource source : LossSource.values()) {
			JsonNode fresh = code(summary, source, rareCode.vendor(), rareCode.stage(), rareCode.errCode());
			assertThat(fresh.get("status").asString()).as("%s %s", source, rareCode).isEqualTo("NEW");
			assertThat(fresh.get("lastWeek").asLong()).isZero();
			assertThat(fresh.get("thisWeek").asLong()).isPositive();

			JsonNode gone = code(summary, source, lastWeeksRareCode.vendor(), lastWeeksRareCode.stage(),
					lastWeeksRareCode.errCode());
			assertThat(gone.get("status").asString()).as("%s %s", source, lastWeeksRareCode).isEqualTo("RESOLVED");
			assertThat(gone.get("thisWeek").asLong()).isZero();
		}
		JsonNode spiking = code(summary, LossSource.ALL_MEMBER, spike.vendor(), spike.stage(), spike.errCode());
		assertThat(spiking.get("anomaly").asBoolean()).isTrue();
		assertThat(spiking.get("status").asString()).isEqualTo("UP");
		assertThat(spiking.get("thisWeek").asLong()).isGreaterThan(5 * spiking.get("lastWeek").asLong());
	}

	@Test
	void theRawSheetHoldsEveryRowTheStoreHoldsForTheWeek() throws IOException {
		demoWeek();
		long stored = StoredRows.count(this.dataSource, DEMO.api().sdkAppId(), W46.start(SHANGHAI).toEpochSecond(),
				W46.end(SHANGHAI).toEpochSecond());

		try (XSSFWorkbook workbook = workbook()) {
			long rawRows = 0;
			for (Sheet sheet : workbook) {
				if (sheet.getSheetName().startsWith("Raw")) {
					assertThat(text(sheet.getRow(0), 0)).isEqualTo("Window start");
					rawRows += sheet.getLastRowNum();
				}
			}
			assertThat(rawRows).isEqualTo(stored).isPositive();
		}
	}

	@Test
	void summaryJsonTheExcelSummaryAndThePdfShowTheSameTotals() throws IOException {
		JsonNode summary = demoSummary();
		String pdfPageOne = pdfText(1, 1);
		String pdf = pdfText(1, Integer.MAX_VALUE);
		try (XSSFWorkbook workbook = workbook()) {
			Sheet sheet = workbook.getSheet("Summary");
			for (JsonNode total : summary.get("totals")) {
				String source = total.get("sourceName").asString();
				String stage = total.get("stageName").asString();
				// the workbook names the stage in plain words (ReportText), summary.json by its API label
				io.pushloss.analysis.ReportText english = io.pushloss.analysis.ReportText.bundled(java.util.Locale.ENGLISH);
				Row row = row(sheet, english.source(io.pushloss.domain.LossSource.valueOf(total.get("source").asString())),
						english.stage(io.pushloss.domain.Stage.valueOf(total.get("stage").asString())));
				assertThat((long) row.getCell(2).getNumericCellValue()).as("Excel %s %s", source, stage)
					.isEqualTo(total.get("thisWeek").asLong());
				assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(total.get("lastWeek").asLong());
				// the PDF's per-stage table (after the story of page 1) names the stage in plain words too
				assertThat(pdf).as("PDF per-stage table")
					.containsPattern(source + " +"
							+ english.stage(io.pushloss.domain.Stage.valueOf(total.get("stage").asString())) + " +"
							+ grouped(total.get("thisWeek").asLong()) + " +"
							+ grouped(total.get("lastWeek").asLong()) + " +"
							+ Pattern.quote(total.get("percentLabel").asString()));
			}
			for (JsonNode headline : summary.get("headline")) {
				assertThat(pdfPageOne).as("PDF page 1 headline")
					.containsPattern(headline.get("sourceName").asString() + "\\s+"
							+ grouped(headline.get("thisWeek").asLong()) + "\\s+(?:[▲▼]\\s+)?"
							+ Pattern.quote(headline.get("percentLabel").asString()));
			}
		}
	}

	/** Runs the demo week once (later calls find it complete) and returns its summary.json. */
	private JsonNode demoSummary() throws IOException {
		demoWeek();
		return JsonMapper.builder().build().readTree(Files.readString(reportFolder(DEMO, W46).resolve("summary.json")));
	}

	private void demoWeek() {
		RunOutcome outcome = this.runner.run(DEMO, W46, RunOptions.DEFAULT);
		assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
	}

	private XSSFWorkbook workbook() throws IOException {
		demoWeek();
		try (var in = Files.newInputStream(reportFolder(DEMO, W46).resolve("push-loss-analysis-demo-2026-W46.xlsx"))) {
			return new XSSFWorkbook(in);
		}
	}

	private String pdfText(int firstPage, int lastPage) throws IOException {
		demoWeek();
		Path pdf = reportFolder(DEMO, W46).resolve("push-loss-analysis-demo-2026-W46.pdf");
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(firstPage);
			stripper.setEndPage(lastPage);
			return stripper.getText(document);
		}
	}

	/** Lost pushes of the source's overall stream in a week (job zone), from the simulator's buckets. */
	private static long simulated(LossSource source, IsoWeek week, Predicate<LossRow> rows) {
		return SIMULATED
			.rows(source, "", week.start(SHANGHAI).toEpochSecond(), week.end(SHANGHAI).toEpochSecond())
			.stream()
			.filter(rows)
			.mapToLong(LossRow::errCount)
			.sum();
	}

	private static JsonNode code(JsonNode summary, LossSource source, Vendor vendor, Stage stage, String errCode) {
		return only(summary.get("codes"),
				(node) -> node.get("source").asString().equals(source.name())
						&& node.get("vendor").asString().equals(vendor.name())
						&& node.get("stage").asString().equals(stage.name())
						&& node.get("errCode").asString().equals(errCode));
	}

	private static JsonNode only(JsonNode array, Predicate<JsonNode> condition) {
		List<JsonNode> found = new ArrayList<>();
		array.forEach((node) -> {
			if (condition.test(node)) {
				found.add(node);
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static Row row(Sheet sheet, String first, String second) {
		for (Row row : sheet) {
			if (text(row, 0).equals(first) && text(row, 1).equals(second)) {
				return row;
			}
		}
		throw new AssertionError("no row " + first + " | " + second + " on " + sheet.getSheetName());
	}

	private static String text(Row row, int column) {
		Cell cell = (row != null) ? row.getCell(column) : null;
		return (cell != null && cell.getCellType() == CellType.STRING) ? cell.getStringCellValue() : "";
	}

	private static String grouped(long value) {
		return String.format(Locale.ENGLISH, "%,d", value);
	}

}
