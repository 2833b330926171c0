package io.pushloss.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTests {

	private final ReportText english = ReportText.bundled(Locale.ENGLISH);

	private final ReportText chinese = ReportText.bundled(Locale.SIMPLIFIED_CHINESE);

	@Test
	void weeksAreNamedWithTheirDaysInEachLanguage() {
		IsoWeek week = new IsoWeek(2026, 46);
		assertThat(this.english.week(week)).isEqualTo("2026-W46 (Nov 9\u201315)");
		assertThat(this.chinese.week(week)).isEqualTo("2026年第46周（11月9日至15日）");
		IsoWeek acrossMonths = new IsoWeek(2026, 49);
		assertThat(this.english.week(acrossMonths)).isEqualTo("2026-W49 (Nov 30\u2013Dec 6)");
		assertThat(this.chinese.week(acrossMonths)).isEqualTo("2026年第49周（11月30日至12月6日）");
		assertThat(this.chinese.weekShort(new IsoWeek(2027, 1))).isEqualTo("2027年第1周");
		assertThat(this.english.weekShort(new IsoWeek(2027, 1))).isEqualTo("2027-W01");
	}

	@Test
	void countsAreWholeNumbersWithGrouping() {
		assertThat(this.english.count(23225)).isEqualTo("23,225");
		assertThat(this.chinese.count(1234567)).isEqualTo("1,234,567");
		assertThat(this.english.signedCount(1204)).isEqualTo("+1,204");
		assertThat(this.english.signedCount(-87)).isEqualTo("-87");
	}

	@Test
	void factorsAndChangesReadNaturally() {
		assertThat(this.english.factor(8.3)).isEqualTo("8.3x");
		assertThat(this.chinese.factor(8.3)).isEqualTo("8.3倍");
		assertThat(this.english.factorOfBaseline(new BigDecimal("8.3"), 4)).isEqualTo("8.3x its baseline");
		assertThat(this.english.factorOfBaseline(null, 4)).isEqualTo("new, none in the 4 weeks before");
		assertThat(this.english.percent(new WeekOverWeek(120, 100))).isEqualTo("+20.0%");
		// rounded half up like percentLabel(): 23,225 against 14,283 is +62.6%, not +62.5%
		assertThat(this.english.percent(new WeekOverWeek(23225, 14283))).isEqualTo(new WeekOverWeek(23225, 14283)
			.percentLabel()).isEqualTo("+62.6%");
		assertThat(this.english.percent(new WeekOverWeek(5, 0))).isEqualTo("new");
		assertThat(this.chinese.percent(new WeekOverWeek(5, 0))).isEqualTo("新增");
	}

	@Test
	void vocabularyIsTranslatedAndApostrophesSurviveMessageFormat() {
		assertThat(this.chinese.vendor(Vendor.HUAWEI)).isEqualTo("华为");
		assertThat(this.english.vendor(Vendor.APNS)).isEqualTo("APNs (Apple)");
		assertThat(this.chinese.source(LossSource.ALL_MEMBER)).isEqualTo("全员推送");
		assertThat(this.english.stage(Stage.READY_TO_SEND)).isEqualTo("Never sent to the vendor");
		assertThat(this.english.owner(RemediationOwner.CONSOLE)).isEqualTo("Chat console admin");
		assertThat(this.english.get("term.share.explain")).contains("vendor's");
		assertThat(this.english.glossary(4)).contains("4 weeks before").doesNotContain("''");
	}

	@Test
	void aLanguageWithoutBundlesFallsBackToEnglishNotToTheMachinesLanguage() {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
		try {
			ReportText german = ReportText.bundled(Locale.GERMAN);
			assertThat(german.source(LossSource.NORMAL)).isEqualTo("Normal push");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void datesFollowTheLanguage() {
		assertThat(this.english.date(LocalDate.of(2026, 11, 9))).isEqualTo("Nov 9, 2026");
		assertThat(this.chinese.date(LocalDate.of(2026, 11, 9))).isEqualTo("2026年11月9日");
	}

	@Test
	void uncataloguedCodesSayWhatToDoInTheReadersLanguage() {
		assertThat(this.chinese.action(Remediation.uncatalogued())).contains("厂商文档");
		assertThat(this.english.meaning(Remediation.uncatalogued())).isEqualTo("A code not in the catalogue yet");
	}

}
