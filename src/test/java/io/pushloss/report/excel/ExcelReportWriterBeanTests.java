package io.pushloss.report.excel;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelReportWriterBeanTests {

	@Test
	void isASpringComponentBuiltWithItsPlainConstructor() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				ExcelReportWriter.class)) {
			assertThat(context.getBean(ExcelReportWriter.class)).isNotNull();
		}
	}

}
