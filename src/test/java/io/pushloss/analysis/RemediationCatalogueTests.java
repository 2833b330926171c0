package io.pushloss.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemediationCatalogueTests {

	private final RemediationCatalogue bundled = RemediationCatalogue.bundled();

	@Test
	void bundledCatalogueIsVersionedAndCoversEveryVendorOfTheNotes() {
		assertThat(this.bundled.version()).isGreaterThanOrEqualTo(1);
		assertThat(this.bundled.lookup(Vendor.APNS, "410").category()).isEqualTo(LossCategory.NOTIFICATIONS_DISABLED);
		assertThat(this.bundled.lookup(Vendor.FCM, "UNREGISTERED").catalogued()).isTrue();
		assertThat(this.bundled.lookup(Vendor.HUAWEI, "80300007").category()).isEqualTo(LossCategory.INVALID_TOKEN);
		assertThat(this.bundled.lookup(Vendor.HONOR, "80300007").category()).isEqualTo(LossCategory.INVALID_TOKEN);
		assertThat(this.bundled.lookup(Vendor.XIAOMI, "10034").category()).isEqualTo(LossCategory.QUOTA);
		assertThat(this.bundled.lookup(Vendor.OPPO, "regid_invalid").catalogued()).isTrue();
		assertThat(this.bundled.lookup(Vendor.VIVO, "10094").category()).isEqualTo(LossCategory.CREDENTIALS);
		assertThat(this.bundled.lookup(Vendor.MEIZU, "518").category()).isEqualTo(LossCategory.QUOTA);
	}

	@Test
	void tencentSideCodesApplyToAnyVendorIncludingNegativeCodes() {
		Remediation certificate = this.bundled.lookup(Vendor.XIAOMI, "-1");
		assertThat(certificate.category()).isEqualTo(LossCategory.CREDENTIALS);
		assertThat(certificate.owner()).isEqualTo(RemediationOwner.CONSOLE);
		assertThat(this.bundled.lookup(Vendor.UNKNOWN, "-1")).isEqualTo(certificate);
		assertThat(this.bundled.lookup(Vendor.APNS, "-2").owner()).isEqualTo(RemediationOwner.CLIENT_APP);
	}

	@Test
	void unknownCodesAreUncataloguedNotDropped() {
		assertThat(this.bundled.lookup(Vendor.APNS, "20001")).isEqualTo(Remediation.uncatalogued());
		assertThat(this.bundled.lookup(Vendor.XIAOMI, "410").catalogued()).isFalse();
		assertThat(Remediation.uncatalogued().hint()).contains("Uncatalogued");
	}

	@Test
	void vendorSpecificEntryWinsOverAnyAndDescriptionRefinesACode() {
		RemediationCatalogue catalogue = catalogue("""
				version: 3
				entries:
				  - { vendor: any, code: "7", category: QUOTA, owner: SERVER, hint: "any vendor" }
				  - { vendor: huawei, code: "7", category: PAYLOAD, owner: SERVER, hint: "huawei" }
				  - { vendor: APNS, code: "400", category: INVALID_TOKEN, owner: CONSOLE, hint: "plain 400" }
				  - { vendor: APNS, code: "400", info: DeviceTokenNotForTopic, category: CREDENTIALS, owner: CONSOLE, hint: "topic" }
				""");
		assertThat(catalogue.version()).isEqualTo(3);
		assertThat(catalogue.size()).isEqualTo(4);
		assertThat(catalogue.lookup(Vendor.HUAWEI, "7").hint()).isEqualTo("huawei");
		assertThat(catalogue.lookup(Vendor.OPPO, "7").hint()).isEqualTo("any vendor");
		assertThat(catalogue.lookup(Vendor.APNS, "400", "devicetokennotfortopic").hint()).isEqualTo("topic");
		assertThat(catalogue.lookup(Vendor.APNS, "400", "BadDeviceToken").hint()).isEqualTo("plain 400");
		assertThat(catalogue.lookup(Vendor.APNS, "400").hint()).isEqualTo("plain 400");
	}

	@Test
	void invalidEntriesAreRejectedWithTheEntryAtFault() {
		assertThatExceptionOfType(RemediationCatalogueException.class)
			.isThrownBy(() -> catalogue("""
					version: 1
					entries:
					  - { vendor: any, code: "-1", category: CREDENTIALS, owner: CONSOLE, hint: "ok" }
					  - { vendor: nokia, code: "1", category: QUOTA, owner: SERVER, hint: "bad vendor" }
					"""))
			.withMessageContaining("entry 2")
			.withMessageContaining("'nokia' is not a Vendor");
		assertThatExceptionOfType(RemediationCatalogueException.class)
			.isThrownBy(() -> catalogue("""
					version: 1
					entries:
					  - { vendor: any, code: "-1", category: CREDENTIALS, owner: CONSOLE, hint: "one" }
					  - { vendor: ANY, code: "-1", category: QUOTA, owner: SERVER, hint: "two" }
					"""))
			.withMessageContaining("repeats vendor ANY, code '-1'");
		assertThatExceptionOfType(RemediationCatalogueException.class)
			.isThrownBy(() -> catalogue("entries: []\n"))
			.withMessageContaining("needs a 'version:'");
		assertThatExceptionOfType(RemediationCatalogueException.class)
			.isThrownBy(() -> catalogue("version: 1\nentries:\n  - { vendor: any, code: '1', category: NOPE, owner: SERVER, hint: x }\n"))
			.withMessageContaining("'NOPE' is not a LossCategory");
	}

	@Test
	void yamlTypeTagsAreNotInstantiated() {
		assertThatExceptionOfType(RemediationCatalogueException.class).isThrownBy(() -> catalogue("""
				version: 1
				entries: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1/"]]]]
				"""));
	}

	@Test
	void everyBundledEntrySaysWhatItMeansAndWhatToDoInEnglishAndChinese() {
		assertThat(this.bundled.all()).hasSize(this.bundled.size()).allSatisfy((remediation) -> {
			assertThat(remediation.texts()).containsOnlyKeys("en", "zh-CN");
			assertThat(remediation.meaning(Locale.SIMPLIFIED_CHINESE)).isNotBlank()
				.isNotEqualTo(remediation.meaning(Locale.ENGLISH));
			assertThat(remediation.action(Locale.ENGLISH)).isNotBlank()
				.doesNotStartWith(remediation.meaning(Locale.ENGLISH));
		});
		Remediation huawei = this.bundled.lookup(Vendor.HUAWEI, "80300007");
		assertThat(huawei.meaning(Locale.ENGLISH)).isEqualTo("The device token is invalid");
		assertThat(huawei.meaning(Locale.SIMPLIFIED_CHINESE)).isEqualTo("设备 token 无效");
		assertThat(huawei.action(Locale.GERMAN)).isEqualTo(huawei.action(Locale.ENGLISH));
	}

	@Test
	void anEntryWithoutMeaningReadsItsHintAndTranslationsMustBeComplete() {
		Remediation plain = catalogue("""
				version: 1
				entries:
				  - { vendor: any, code: "7", category: QUOTA, owner: SERVER, hint: "Daily limit: send fewer." }
				""").lookup(Vendor.OPPO, "7");
		assertThat(plain.meaning(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Daily limit");
		assertThat(plain.action(Locale.ENGLISH)).isEqualTo("Send fewer.");
		assertThatExceptionOfType(RemediationCatalogueException.class).isThrownBy(() -> catalogue("""
				version: 1
				entries:
				  - { vendor: any, code: "7", category: QUOTA, owner: SERVER, hint: "x", translations: { fr: { meaning: a, action: b } } }
				""")).withMessageContaining("translation 'fr' is not a report language");
		assertThatExceptionOfType(RemediationCatalogueException.class).isThrownBy(() -> catalogue("""
				version: 1
				entries:
				  - { vendor: any, code: "7", category: QUOTA, owner: SERVER, hint: "x", translations: { zh-CN: { meaning: a } } }
				""")).withMessageContaining("needs both meaning and action");
	}

	private static RemediationCatalogue catalogue(String yaml) {
		return RemediationCatalogue.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test catalogue"));
	}

}
