package io.pushloss.report.pdf;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the PDF report's JRXML templates come from.
 *
 * @param templatesDir the folder holding the {@code .jrxml} files ({@code pushloss.report.templates-dir}); when
 * unset, {@code reports-templates/} in the working directory if it exists, else the copies packaged in the jar. A
 * template missing from the folder is taken from the packaged copies.
 */
@ConfigurationProperties("pushloss.report")
public record PdfReportProperties(Path templatesDir) {
}
