package io.pushloss.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SummaryJsonWriterTests {

	private final SummaryJsonWriter writer = new SummaryJsonWriter();

	@TempDir
	Path dir;

	@Test
	void writesSchemaVersionHeaderAndTotals() throws IOException {
		JsonNode json = writeAndParse(SampleReports.typicalWeek());
		assertThat(json.get("schemaVersion").asInt()).isEqualTo(WeeklyReport.SCHEMA_VERSION);
		assertThat(json.get("status").asString()).isEqualTo("COMPLETE");
		JsonNode header = json.get("header");
		assertThat(header.get("week").asString()).isEqualTo("2026-W46");
		assertThat(header.get("firstDay").asString()).isEqualTo("2026-11-09");
		assertThat(header.get("lastDay").asString()).isEqualTo("2026-11-15");
		assertThat(header.get("zone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(header.get("generatedAt").asString()).isEqualTo("2026-11-16T01:00:00Z");
		assertThat(header.get("baselineWeeks")).hasSize(4);
		assertThat(header.get("remediationCatalogueVersion").asInt()).isEqualTo(1);
		JsonNode firstTotal = json.get("totals").get(0);
		assertThat(firstTotal.get("source").asString()).isEqualTo("ALL_MEMBER");
		assertThat(firstTotal.get("sourceApi").asString()).isEqualTo("all_member_push_loss");
		assertThat(firstTotal.get("stage").asString()).isEqualTo("READY_TO_SEND");
		StageTotal expected = SampleReports.typicalWeek().totals().get(0);
		assertThat(firstTotal.get("thisWeek").asLong()).isEqualTo(expected.counts().thisWeek());
		assertThat(firstTotal.get("lastWeek").asLong()).isEqualTo(expected.counts().lastWeek());
		JsonNode headline = json.get("headline");
		assertThat(headline).hasSize(2);
		assertThat(headline.get(1).get("source").asString()).isEqualTo("NORMAL");
		assertThat(headline.get(1).get("thisWeek").asLong())
			.isEqualTo(SampleReports.typicalWeek().headline(io.pushloss.domain.LossSource.NORMAL).thisWeek());
	}

	@Test
	void writesCodeRowsWithVendorNamesPercentAndRemediation() throws IOException {
		JsonNode json = writeAndParse(SampleReports.typicalWeek());
		JsonNode huawei = find(json.get("codes"), "HUAWEI", "80300007", "ALL_MEMBER");
		assertThat(huawei.get("vendorCode").asInt()).isEqualTo(3);
		assertThat(huawei.get("vendorName").asString()).isEqualTo("Huawei");
		assertThat(huawei.get("stageName").asString()).isEqualTo("PostSendDelivered");
		assertThat(huawei.get("thisWeek").asLong()).isEqualTo(2400);
		assertThat(huawei.get("delta").asLong()).isEqualTo(1800);
		assertThat(huawei.get("percent").decimalValue()).isEqualByComparingTo("300");
		assertThat(huawei.get("percentLabel").asString()).isEqualTo("+300.0%");
		assertThat(huawei.get("status").asString()).isEqualTo("UP");
		assertThat(huawei.get("anomaly").asBoolean()).isTrue();
		assertThat(huawei.get("baseline").get("counts")).hasSize(4);
		assertThat(huawei.get("baseline").get("mean").decimalValue()).isEqualByComparingTo("600");
		assertThat(huawei.get("remediation").get("category").asString()).isEqualTo("INVALID_TOKEN");
		assertThat(huawei.get("remediation").get("catalogued").asBoolean()).isTrue();
		JsonNode vivo = find(json.get("codes"), "VIVO", "10070", "ALL_MEMBER");
		assertThat(vivo.get("percent").isNull()).isTrue();
		assertThat(vivo.get("percentLabel").asString()).isEqualTo("new");
		assertThat(vivo.get("status").asString()).isEqualTo("NEW");
		JsonNode online = find(json.get("codes"), "UNKNOWN", "20001", "ALL_MEMBER");
		assertThat(online.get("remediation").get("catalogued").asBoolean()).isFalse();
		assertThat(online.get("percent").decimalValue()).isEqualByComparingTo("50");
		JsonNode apns = json.get("vendors").get(0);
		assertThat(apns.get("shareOfStage").isNumber()).isTrue();
		assertThat(json.get("topMovers").get("increases").get(0).get("errCode").asString()).isEqualTo("80300007");
		assertThat(json.get("tasks").get(0).get("topCodes")).hasSize(3);
		assertThat(json.get("trend").get(0).get("week").asString()).isEqualTo("2026-W42");
	}

	@Test
	void keysKeepAStableOrderAndTheOutputIsReproducible() {
		String first = this.writer.toJson(SampleReports.typicalWeek());
		assertThat(first).isEqualTo(this.writer.toJson(SampleReports.typicalWeek()));
		assertThat(first.indexOf("\"schemaVersion\"")).isLessThan(first.indexOf("\"status\""));
		assertThat(first.indexOf("\"status\"")).isLessThan(first.indexOf("\"header\""));
		assertThat(first.indexOf("\"header\"")).isLessThan(first.indexOf("\"totals\""));
		assertThat(first).contains("\n  \"schemaVersion\" : 1");
		assertThat(first).doesNotContain("E+").doesNotContain("E-");
	}

	@Test
	void partialReportListsMissingRanges() throws IOException {
		JsonNode json = writeAndParse(SampleReports.partialWeek());
		assertThat(json.get("status").asString()).isEqualTo("PARTIAL");
		JsonNode completeness = json.get("completeness");
		assertThat(completeness.get("complete").asBoolean()).isFalse();
		JsonNode missing = completeness.get("weeks").get(0).get("missing").get(0);
		assertThat(missing.get("source").asString()).isEqualTo("NORMAL");
		assertThat(missing.get("taskId").asString()).isEmpty();
		assertThat(missing.get("start").asString()).isEqualTo("2026-11-12T16:00:00Z");
	}

	@Test
	void emptyReportHasEmptyListsAndZeroTotals() throws IOException {
		JsonNode json = writeAndParse(SampleReports.emptyWeek());
		assertThat(json.get("codes")).isEmpty();
		assertThat(json.get("headline")).hasSize(2);
		assertThat(json.get("headline").get(0).get("thisWeek").asLong()).isZero();
		assertThat(json.get("headline").get(0).get("percent").isNull()).isTrue();
		assertThat(json.get("headline").get(0).get("percentLabel").asString()).isEqualTo("0.0%");
	}

	@Test
	void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
		Path target = this.dir.resolve("out/2026-W46/summary.json");
		this.writer.write(SampleReports.emptyWeek(), target);
		this.writer.write(SampleReports.typicalWeek(), target);
		assertThat(Files.readString(target)).isEqualTo(this.writer.toJson(SampleReports.typicalWeek()));
		try (Stream<Path> files = Files.list(target.getParent())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("summary.json");
		}
	}

	@Test
	void failureNamesTheTarget() throws IOException {
		Path blocker = Files.writeString(this.dir.resolve("blocker"), "a file, not a directory");
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> this.writer.write(SampleReports.emptyWeek(), blocker.resolve("summary.json")))
			.withMessageContaining("blocker")
			.withMessageContaining("2026-W46");
	}

	private JsonNode writeAndParse(WeeklyReport report) throws IOException {
		Path target = this.dir.resolve(SummaryJsonWriter.FILE_NAME);
		this.writer.write(report, target);
		return JsonMapper.shared().readTree(Files.readString(target));
	}

	private static JsonNode find(JsonNode array, String vendor, String errCode, String source) {
		List<JsonNode> found = new ArrayList<>();
		array.forEach((node) -> {
			if (node.get("vendor").asString().equals(vendor) && node.get("errCode").asString().equals(errCode)
					&& node.get("source").asString().equals(source)) {
				found.add(node);
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	@Test
	void aSymbolicLinkPlantedForTheFolderIsRefusedNamingItAndItsTargetStaysEmpty() throws IOException {
		Path victim = Files.createDirectories(this.dir.resolve("victim"));
		Path folder = Files.createSymbolicLink(this.dir.resolve("week"), victim);

		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> this.writer.write(SampleReports.typicalWeek(), folder.resolve("summary.json")))
			.withMessageContaining(folder.toAbsolutePath().toString())
			.withMessageContaining("symbolic link");
		try (java.util.stream.Stream<Path> files = Files.list(victim)) {
			assertThat(files).isEmpty();
		}
	}
}
