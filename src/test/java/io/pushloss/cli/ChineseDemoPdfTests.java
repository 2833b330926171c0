package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zh-CN demo job ({@code jobs/demo-zh.yml}: Chinese title and task names, the simulator's Chinese ErrInfo) run
 * for 2026-W46: every Chinese text of the week that the PDF lists is in the PDF's text, not a character lost.
 */
class ChineseDemoPdfTests {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final OperationsCli cli = new OperationsCli();

	@TempDir
	static Path dir;

	private static String pdfText;

	private static JsonNode summary;

	@BeforeAll
	static void runTheChineseDemoWeek() throws Exception {
		Path data = dir.resolve("data");
		assertThat(cli.execute("run", "jobs/demo-zh.yml", "--week", "2026-W46", "--no-email", "--data-dir",
				data.toString())).as(cli.err()).isZero();
		Path week = data.resolve("reports").resolve("demo-zh").resolve("2026-W46");
		try (PDDocument document = Loader.loadPDF(week.resolve("push-loss-demo-zh-2026-W46.pdf").toFile())) {
			pdfText = new PDFTextStripper().getText(document);
		}
		summary = JsonMapper.builder().build().readTree(Files.readString(week.resolve("summary.json")));
	}

	@AfterAll
	static void stopSimulator() {
		cli.close();
	}

	@Test
	void theTitleAndEveryTaskNameAreInThePdf() {
		assertThat(pdfText).contains("推送丢失周报（演示）", "春节促销", "版本更新 v2", "每周精选");
		assertThat(cli.out()).doesNotContain("warning:");
	}

	@Test
	void everyChineseErrInfoOfTheListedCodesAndEveryChineseWordOfPageOneIsInThePdf() {
		String squeezed = pdfText.replaceAll("\\s+", "");
		Set<String> chinese = new LinkedHashSet<>();
		for (JsonNode code : summary.get("codes")) {
			String errInfo = code.get("errInfo").asString();
			if (HAN.matcher(errInfo).find()) {
				chinese.add(errInfo);
			}
		}
		assertThat(chinese).as("the simulator answers a Chinese job in Chinese").isNotEmpty();
		List<String> missing = chinese.stream().filter((text) -> !squeezed.contains(text.replaceAll("\\s+", ""))).toList();
		assertThat(missing).as("Chinese ErrInfo texts not in the PDF").isEmpty();
		assertThat(pdfText).contains("需要关注", "由谁处理", "怎么做", "术语表", "华为");
	}

}
