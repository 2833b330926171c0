/**
 * The documents of a report: the Excel workbook ({@code report.excel}) and the PDF ({@code report.pdf}), and where a week's documents are written.
 * <p>
 * Uses: {@code analysis}, {@code store} (the Raw sheet's rows), {@code domain}.
 */
package io.pushloss.report;
