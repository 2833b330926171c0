package io.pushloss.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VendorRequestsTests {

	static final ApiClientSettings SETTINGS = ApiClientSettings.forRegion(Region.CHINA, 1400000000L, "admin@ops",
			UserSigTests.KEY);

	@Test
	void escapesTaskIdsInTheBody() {
		LossQuery query = new LossQuery(LossSource.ALL_MEMBER, 10, 20, List.of("a\"b", "c\\d"));

		assertThat(VendorRequests.body(query)).isEqualTo("{\"StartTime\":10,\"EndTime\":20,\"TaskID\":[\"a\\\"b\",\"c\\\\d\"]}");
	}

	@Test
	void buildsTheSignedUrlAndLogsItRedacted() {
		LossQuery query = LossQuery.overall(LossSource.NORMAL, 10, 20);

		String url = VendorRequests.url(SETTINGS, query, "eJw*sig-value_", 4294967295L);

		assertThat(url).isEqualTo("https://console.tim.qq.com/v4/timpush/normal_push_loss?sdkappid=1400000000"
				+ "&identifier=admin%40ops&usersig=eJw*sig-value_&random=4294967295&contenttype=json");
		assertThat(Failures.scrub(url)).doesNotContain("eJw*sig-value_").contains("usersig=<redacted>&random=");
	}

	@Test
	void refusesRandomOutsideThirtyTwoBits() {
		LossQuery query = LossQuery.overall(LossSource.NORMAL, 10, 20);

		assertThatIllegalArgumentException().isThrownBy(() -> VendorRequests.url(SETTINGS, query, "s", 4294967296L));
		assertThatIllegalArgumentException().isThrownBy(() -> VendorRequests.url(SETTINGS, query, "s", -1));
	}

}
