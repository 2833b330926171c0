package io.pushloss.report.excel;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import io.pushloss.analysis.ReportTexts;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelReportWriterBeanTests {

	@Test
	void isASpringComponentBuiltWithTheApplicationsReportTexts() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(ReportTexts.class, ReportTexts::bundled);
			context.register(ExcelReportWriter.class);
			context.refresh();
			assertThat(context.getBean(ExcelReportWriter.class)).isNotNull();
		}
	}

}
