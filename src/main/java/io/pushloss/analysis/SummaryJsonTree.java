package io.pushloss.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The summary.json tree of a report, field by field in a fixed order (documented in doc/analysis.md). Enums are
 * written by name beside their display name; instants as ISO-8601 UTC, days as ISO dates, weeks as YYYY-Www.
 */
final class SummaryJsonTree {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private SummaryJsonTree() {
	}

	static ObjectNode of(WeeklyReport report) {
		ObjectNode root = NODES.objectNode();
		root.put("schemaVersion", WeeklyReport.SCHEMA_VERSION);
		root.put("status", report.partial() ? "PARTIAL" : "COMPLETE");
		root.set("header", header(report.header()));
		root.set("completeness", completeness(report.completeness()));
		ArrayNode headline = root.putArray("headline");
		report.sources().forEach((source) -> counts(source(headline.addObject(), source), report.headline(source)));
		ArrayNode totals = root.putArray("totals");
		report.totals().forEach((total) -> counts(stage(source(totals.addObject(), total.source()), total.stage()),
				total.counts()));
		ArrayNode vendors = root.putArray("vendors");
		report.vendors().forEach((line) -> counts(
				stage(vendor(source(vendors.addObject(), line.source()), line.vendor()), line.stage()), line.counts())
			.put("shareOfStage", decimal(line.shareOfStage(), 4)));
		ArrayNode codes = root.putArray("codes");
		report.codes().forEach((code) -> code(codes.addObject(), code));
		ObjectNode movers = root.putObject("topMovers");
		movers.set("increases", codeRefs(report.topMovers().increases()));
		movers.set("decreases", codeRefs(report.topMovers().decreases()));
		ArrayNode tasks = root.putArray("tasks");
		report.tasks().forEach((task) -> task(tasks.addObject(), task));
		ArrayNode eventTypes = root.putArray("eventTypes");
		report.eventTypes().forEach((split) -> counts(
				eventType(stage(source(eventTypes.addObject(), split.source()), split.stage()), split.eventType()),
				split.counts()));
		ArrayNode trend = root.putArray("trend");
		report.trend().forEach((point) -> vendor(source(trend.addObject(), point.source()), point.vendor())
			.put("week", point.week().toString())
			.put("count", point.count()));
		root.set("story", story(report.story()));
		return root;
	}

	/** The story the documents tell: the one vendor order, each anomalous cause once, the biggest mover. */
	private static ObjectNode story(ReportStory story) {
		ObjectNode node = NODES.objectNode();
		ArrayNode order = node.putArray("vendorOrder");
		story.vendorOrder().forEach((vendor) -> order.add(vendor.name()));
		if (story.biggestMover() != null) {
			node.set("biggestMover", cause(story.biggestMover()));
		}
		else {
			node.putNull("biggestMover");
		}
		ArrayNode anomalies = node.putArray("anomalies");
		story.anomalies().forEach((cause) -> anomalies.add(cause(cause)));
		return node;
	}

	private static ObjectNode cause(ReportStory.Cause cause) {
		ObjectNode node = vendor(NODES.objectNode(), cause.vendor());
		node.put("errCode", cause.errCode());
		node.put("errInfo", cause.errInfo());
		node.put("direction", cause.direction().name());
		node.put("owner", cause.owner().name());
		node.put("leadSource", cause.lead().source().name());
		node.put("factor", cause.factor());
		ArrayNode sources = node.putArray("sources");
		cause.sources().forEach((figure) -> {
			ObjectNode entry = source(sources.addObject(), figure.source());
			entry.put("thisWeek", figure.counts().thisWeek());
			entry.put("lastWeek", figure.counts().lastWeek());
			entry.put("baseline", figure.baseline());
			entry.put("factor", figure.factor());
			entry.put("direction", figure.direction().name());
			entry.put("anomaly", figure.anomaly());
		});
		return node;
	}

	private static ObjectNode header(ReportHeader header) {
		ObjectNode node = NODES.objectNode();
		node.put("jobName", header.jobName());
		node.put("sdkAppId", header.sdkAppId());
		node.put("week", header.week().toString());
		node.put("previousWeek", header.previousWeek().toString());
		node.put("zone", header.zone().getId());
		node.put("firstDay", String.valueOf(header.firstDay()));
		node.put("lastDay", String.valueOf(header.lastDay()));
		ArrayNode baseline = node.putArray("baselineWeeks");
		header.baselineWeeks().forEach((week) -> baseline.add(week.toString()));
		node.put("generatedAt", header.generatedAt().toString());
		node.put("remediationCatalogueVersion", header.remediationCatalogueVersion());
		return node;
	}

	private static ObjectNode completeness(Completeness completeness) {
		ObjectNode node = NODES.objectNode();
		node.put("complete", completeness.complete());
		ArrayNode weeks = node.putArray("weeks");
		completeness.weeks().forEach((week) -> {
			ObjectNode entry = weeks.addObject();
			entry.put("week", week.week().toString());
			entry.put("plannedWindows", week.plannedWindows());
			entry.put("storedWindows", week.storedWindows());
			ArrayNode missing = entry.putArray("missing");
			week.missing().forEach((range) -> source(missing.addObject(), range.source()).put("taskId", range.taskId())
				.put("start", range.start().toString())
				.put("end", range.end().toString()));
		});
		return node;
	}

	private static void code(ObjectNode node, CodeLoss code) {
		codeRef(node, code);
		node.put("anomaly", code.anomaly());
		// counts line up with header.baselineWeeks (W-1 first)
		Baseline baseline = (code.baseline() != null) ? code.baseline() : Baseline.of(List.of());
		ObjectNode baselineNode = node.putObject("baseline");
		ArrayNode counts = baselineNode.putArray("counts");
		baseline.weeklyCounts().forEach(counts::add);
		baselineNode.put("mean", decimal(baseline.mean(), 2));
		baselineNode.put("stdDev", decimal(baseline.stdDev(), 2));
		baselineNode.put("rounded", baseline.rounded());
		Remediation remediation = code.remediation();
		node.putObject("remediation")
			.put("catalogued", remediation.catalogued())
			.put("category", remediation.category().name())
			.put("categoryName", remediation.category().label())
			.put("owner", remediation.owner().name())
			.put("ownerName", remediation.owner().label())
			.put("hint", remediation.hint());
	}

	private static ArrayNode codeRefs(List<CodeLoss> codes) {
		ArrayNode array = NODES.arrayNode();
		codes.forEach((code) -> codeRef(array.addObject(), code));
		return array;
	}

	private static void codeRef(ObjectNode node, CodeLoss code) {
		stage(vendor(source(node, code.source()), code.vendor()), code.stage());
		node.put("errCode", code.errCode());
		node.put("errInfo", code.errInfo());
		counts(node, code.counts());
		node.put("status", code.status().name());
	}

	private static void task(ObjectNode node, TaskLoss task) {
		node.put("taskId", task.taskId());
		ArrayNode stages = node.putArray("stages");
		task.stages().forEach((total) -> counts(stage(stages.addObject(), total.stage()), total.counts()));
		ArrayNode codes = node.putArray("topCodes");
		task.topCodes().forEach((code) -> counts(stage(codes.addObject(), code.stage()).put("errCode", code.errCode())
			.put("errInfo", code.errInfo()), code.counts()));
	}

	private static ObjectNode source(ObjectNode node, LossSource source) {
		return node.put("source", source.name()).put("sourceApi", source.apiName()).put("sourceName",
				source.displayName());
	}

	private static ObjectNode stage(ObjectNode node, Stage stage) {
		return node.put("stage", stage.name()).put("stageName", stage.label());
	}

	private static ObjectNode vendor(ObjectNode node, Vendor vendor) {
		return node.put("vendor", vendor.name()).put("vendorCode", vendor.code()).put("vendorName",
				vendor.displayName());
	}

	private static ObjectNode eventType(ObjectNode node, EventType type) {
		return node.put("eventType", type.name()).put("eventTypeCode", type.code()).put("eventTypeName",
				type.displayName());
	}

	/** thisWeek, lastWeek, delta, percent (in percent, two decimals, or null when last week was 0), label. */
	private static ObjectNode counts(ObjectNode node, WeekOverWeek counts) {
		node.put("thisWeek", counts.thisWeek());
		node.put("lastWeek", counts.lastWeek());
		node.put("delta", counts.delta());
		Double fraction = counts.percentChange();
		if (fraction == null) {
			node.putNull("percent");
		}
		else {
			node.put("percent", plain(BigDecimal.valueOf(fraction).movePointRight(2)));
		}
		node.put("percentLabel", counts.percentLabel());
		return node;
	}

	private static BigDecimal decimal(double value, int scale) {
		return plain(BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP));
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
