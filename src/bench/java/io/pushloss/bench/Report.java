package io.pushloss.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's output: a plain-text table, or JSON. */
final class Report {

	private Report() {
	}

	static Map<String, Object> results(BenchOptions options, Machine machine, Instant started, double seconds,
			double loadAfter, List<Figure> figures) {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("started", started.toString());
		results.put("seconds", Numbers.round(seconds, 1));
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("cores", machine.cores());
		host.put("memoryMb", machine.memoryMb());
		host.put("java", machine.java());
		host.put("vm", machine.vm());
		host.put("os", machine.os());
		host.put("loadAverageBefore", machine.loadAverage());
		host.put("loadAverageAfter", loadAfter);
		results.put("machine", host);
		results.put("options", options(options));
		List<Map<String, Object>> list = new ArrayList<>();
		for (Figure figure : figures) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", figure.id());
			entry.put("section", figure.section());
			entry.put("label", figure.label());
			entry.put("value", figure.value());
			entry.put("unit", figure.unit());
			entry.put("goal", figure.goal());
			entry.put("met", figure.met());
			entry.put("note", figure.note());
			list.add(entry);
		}
		results.put("figures", list);
		results.put("goalsMissed", figures.stream().filter((f) -> Boolean.FALSE.equals(f.met())).map(Figure::id)
			.toList());
		return results;
	}

	private static Map<String, Object> options(BenchOptions options) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("sections", List.copyOf(options.sections()));
		map.put("callsPerSecond", options.callsPerSecond());
		map.put("windows", options.windows());
		map.put("callers", options.callers());
		map.put("latencyMs", List.of(options.minLatencyMillis(), options.maxLatencyMillis()));
		map.put("faultShare", options.faultShare());
		map.put("pipelineTasks", options.pipelineTasks());
		map.put("excelRows", options.excelRows());
		map.put("excelHeapMb", options.excelHeapMb());
		map.put("analysisRows", options.analysisRows());
		map.put("startupRuns", options.startupRuns());
		return map;
	}

	static String json(Map<String, Object> results) {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(results)
				+ System.lineSeparator();
	}

	static String table(Machine machine, double seconds, double loadAfter, List<Figure> figures) {
		int section = "Section".length();
		int label = "Figure".length();
		int value = "Value".length();
		int goal = "Goal".length();
		for (Figure figure : figures) {
			section = Math.max(section, figure.section().length());
			label = Math.max(label, figure.label().length());
			value = Math.max(value, figure.shown().length() + 1 + figure.unit().length());
			goal = Math.max(goal, (figure.goal() != null) ? figure.goal().length() : 0);
		}
		String row = "%-" + section + "s  %-" + label + "s  %" + value + "s  %-" + goal + "s  %s%n";
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "Push-loss report benchmark: %s; load average after %.2f; %.0f s%n%n",
				machine.summary(), loadAfter, seconds));
		table.append(String.format(Locale.ROOT, row, "Section", "Figure", "Value", "Goal", "Met"));
		String previous = null;
		for (Figure figure : figures) {
			String shownSection = figure.section().equals(previous) ? "" : figure.section();
			previous = figure.section();
			String met = (figure.met() == null) ? "" : (figure.met() ? "yes" : "NO");
			table.append(String.format(Locale.ROOT, row, shownSection, figure.label(),
					figure.shown() + " " + figure.unit(), (figure.goal() != null) ? figure.goal() : "", met));
		}
		table.append(String.format("%nNotes:%n"));
		for (Figure figure : figures) {
			if (figure.note() != null) {
				table.append("  ").append(figure.id()).append(": ").append(figure.note()).append(System.lineSeparator());
			}
		}
		return table.toString();
	}

}
