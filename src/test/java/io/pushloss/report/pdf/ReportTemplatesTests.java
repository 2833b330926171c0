package io.pushloss.report.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiled templates are cached by the writer, per file and version: a running {@code serve} picks up an edited
 * template at its next report, without a restart.
 */
class ReportTemplatesTests {

	@TempDir
	Path folder;

	@Test
	void aTemplateIsCompiledOnceAndAgainWhenItsFileChanges() throws Exception {
		Path file = this.folder.resolve(ReportTemplate.ATTENTION.fileName());
		Files.copy(Path.of(ReportTemplates.FOLDER_NAME, ReportTemplate.ATTENTION.fileName()), file);
		ReportTemplates templates = ReportTemplates.in(this.folder, DefaultJasperReportsContext.getInstance());

		JasperReport first = templates.get(ReportTemplate.ATTENTION);
		assertThat(templates.get(ReportTemplate.ATTENTION)).as("cached").isSameAs(first);

		Files.writeString(file, Files.readString(file).replaceFirst("<jasperReport([^>]*) name=\"",
				"<jasperReport$1 name=\"Edited"));
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(templates.isCompiled(ReportTemplate.ATTENTION)).as("the cached copy is stale").isFalse();

		JasperReport edited = templates.get(ReportTemplate.ATTENTION);
		assertThat(edited).isNotSameAs(first);
		assertThat(edited.getName()).startsWith("Edited");
		assertThat(templates.get(ReportTemplate.ATTENTION)).isSameAs(edited);
	}

	@Test
	void twoWritersShareNoCompiledTemplates() {
		ReportTemplates one = ReportTemplates.in(this.folder, DefaultJasperReportsContext.getInstance());
		ReportTemplates other = ReportTemplates.in(this.folder, DefaultJasperReportsContext.getInstance());

		one.get(ReportTemplate.ATTENTION);

		assertThat(one.isCompiled(ReportTemplate.ATTENTION)).isTrue();
		assertThat(other.isCompiled(ReportTemplate.ATTENTION)).as("no JVM-wide cache").isFalse();
	}

}
