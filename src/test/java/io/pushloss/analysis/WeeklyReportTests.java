package io.pushloss.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyReportTests {

	@Test
	void groupsVendorLinesBySourceThenVendorInTheReportsOneVendorOrderThenStage() {
		WeeklyReport report = SampleReports.typicalWeek();

		List<VendorLoss> byVendor = report.vendorsByVendor();

		assertThat(byVendor).containsExactlyInAnyOrderElementsOf(report.vendors());
		for (int i = 1; i < byVendor.size(); i++) {
			VendorLoss previous = byVendor.get(i - 1);
			VendorLoss current = byVendor.get(i);
			assertThat(previous.source()).isLessThanOrEqualTo(current.source());
			if (previous.source() == current.source() && previous.vendor() != current.vendor()) {
				// the one order of every document: this week's losses of both sources
				assertThat(report.vendorOrder().indexOf(previous.vendor())).as("%s before %s", previous, current)
					.isLessThan(report.vendorOrder().indexOf(current.vendor()));
				assertThat(byVendor.subList(i, byVendor.size()))
					.noneMatch((later) -> later.source() == previous.source() && later.vendor() == previous.vendor());
			}
		}
		assertThat(byVendor.get(0).source()).isEqualTo(LossSource.ALL_MEMBER);
	}

}
