/**
 * The Excel workbook (Apache POI): summary, per-code sheets, native charts and the streamed Raw sheet.
 * <p>
 * A named interface of its module: the job's steps use it.
 */
@NamedInterface("excel")
package io.pushloss.report.excel;

import org.springframework.modulith.NamedInterface;
