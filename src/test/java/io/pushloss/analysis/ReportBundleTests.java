package io.pushloss.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bundle is complete in Chinese, and every enum a reader sees has its words. */
class ReportBundleTests {

	@ParameterizedTest
	@ValueSource(strings = { "report", "email", "pdf", "excel" })
	void everyEnglishKeyHasAChineseTranslation(String basename) throws IOException {
		Properties english = load("i18n/" + basename + ".properties");
		Properties chinese = load("i18n/" + basename + "_zh_CN.properties");
		Set<String> missing = new TreeSet<>(english.stringPropertyNames());
		missing.removeAll(chinese.stringPropertyNames());
		assertThat(missing).as("keys of %s.properties missing from %s_zh_CN.properties", basename, basename)
			.isEmpty();
		Set<String> extra = new TreeSet<>(chinese.stringPropertyNames());
		extra.removeAll(english.stringPropertyNames());
		assertThat(extra).as("keys only in %s_zh_CN.properties (no English fallback)", basename).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void everyVendorStageSourceOwnerCategoryAndDirectionHasItsWords(String tag) {
		ReportText text = ReportText.bundled(Locale.forLanguageTag(tag));
		for (Vendor vendor : Vendor.values()) {
			assertThat(text.vendor(vendor)).isNotBlank();
		}
		for (Stage stage : Stage.values()) {
			assertThat(text.stage(stage)).isNotBlank();
			assertThat(text.stageExplained(stage)).isNotBlank();
		}
		for (LossSource source : LossSource.values()) {
			assertThat(text.source(source)).isNotBlank();
			assertThat(text.sourceExplained(source)).isNotBlank();
		}
		for (RemediationOwner owner : RemediationOwner.values()) {
			assertThat(text.owner(owner)).isNotBlank();
		}
		for (LossCategory category : LossCategory.values()) {
			assertThat(text.category(category)).isNotBlank();
		}
		for (Direction direction : Direction.values()) {
			assertThat(text.direction(direction)).isNotBlank();
		}
		for (CodeStatus status : CodeStatus.values()) {
			assertThat(text.status(status)).isNotBlank();
		}
		for (EventType type : EventType.values()) {
			assertThat(text.eventType(type)).isNotBlank();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "report", "email", "pdf", "excel" })
	void chineseBundlesAreChinese(String basename) throws IOException {
		Properties chinese = load("i18n/" + basename + "_zh_CN.properties");
		long withHan = chinese.stringPropertyNames()
			.stream()
			.filter((key) -> !key.startsWith("format."))
			.filter((key) -> chinese.getProperty(key).codePoints()
				.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
			.count();
		assertThat(withHan).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "report", "email", "pdf", "excel" })
	void apostrophesAreDoubledAsMessageFormatNeedsThem(String basename) throws IOException {
		for (String file : List.of(basename, basename + "_zh_CN")) {
			Properties messages = load("i18n/" + file + ".properties");
			for (String key : messages.stringPropertyNames()) {
				assertThat(messages.getProperty(key).replace("''", "")).as(file + " " + key).doesNotContain("'");
			}
		}
	}

	static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ReportBundleTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
