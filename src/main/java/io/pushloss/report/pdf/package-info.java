/**
 * The PDF/A report (JasperReports templates from reports-templates/) and its vendor chart.
 * <p>
 * A named interface of its module: the job's steps use it.
 */
@NamedInterface("pdf")
package io.pushloss.report.pdf;

import org.springframework.modulith.NamedInterface;
