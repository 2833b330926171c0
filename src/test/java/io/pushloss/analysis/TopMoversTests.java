package io.pushloss.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

class TopMoversTests {

	@Test
	void ranksByAbsoluteChangeNotByPercent() {
		CodeLoss bigButModest = code(Vendor.APNS, "410", 12000, 10000); // +2000, +20%
		CodeLoss smallButSteep = code(Vendor.FCM, "UNREGISTERED", 10, 1); // +9, +900%
		CodeLoss brandNew = code(Vendor.VIVO, "10070", 500, 0); // +500, new
		TopMovers movers = TopMovers.of(List.of(smallButSteep, brandNew, bigButModest), 5);
		assertThat(movers.increases()).containsExactly(bigButModest, brandNew, smallButSteep);
		assertThat(movers.decreases()).isEmpty();
	}

	@Test
	void decreasesStartWithTheLargestDropAndUnchangedCodesAreNeitherWay() {
		CodeLoss resolved = code(Vendor.XIAOMI, "10034", 0, 300);
		CodeLoss slightDrop = code(Vendor.OPPO, "regid_invalid", 450, 500);
		CodeLoss halved = code(Vendor.MEIZU, "110003", 1, 2);
		CodeLoss flat = code(Vendor.HONOR, "80300007", 60, 60);
		TopMovers movers = TopMovers.of(List.of(halved, flat, slightDrop, resolved), 5);
		assertThat(movers.decreases()).containsExactly(resolved, slightDrop, halved);
		assertThat(movers.increases()).isEmpty();
	}

	@Test
	void keepsOnlyTheConfiguredNumberAndBreaksTiesDeterministically() {
		CodeLoss huawei = code(Vendor.HUAWEI, "80300007", 200, 100);
		CodeLoss apns = code(Vendor.APNS, "410", 200, 100);
		CodeLoss fcm = code(Vendor.FCM, "UNREGISTERED", 150, 100);
		TopMovers movers = TopMovers.of(List.of(fcm, huawei, apns), 2);
		assertThat(movers.increases()).containsExactly(apns, huawei);
	}

	private static CodeLoss code(Vendor vendor, String errCode, long thisWeek, long lastWeek) {
		WeekOverWeek counts = new WeekOverWeek(thisWeek, lastWeek);
		return new CodeLoss(LossSource.ALL_MEMBER, vendor, Stage.POST_SEND_DELIVERED, errCode, "",
				counts, CodeStatus.classify(thisWeek, lastWeek, false), Baseline.of(List.of(lastWeek)), false,
				Remediation.uncatalogued());
	}

}
