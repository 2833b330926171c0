package io.pushloss.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes values for people: short quotes, durations, instants in a zone, cron in words. */
final class ConsoleText {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final String[] DAYS = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

	private static final String[] DAY_NAMES = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
			"Saturday" };

	private ConsoleText() {
	}

	/** A value quoted in an error, at most 60 characters, control characters replaced. */
	static String shorten(String value) {
		if (value == null) {
			return "";
		}
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() <= 60) ? clean : clean.substring(0, 57) + "...";
	}

	/** {@code 2m05s}, {@code 1h02m}, or an empty string for none. */
	static String duration(Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = duration.getSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
	}

	/** An instant in a zone, {@code Mon 2026-11-23 09:00 Asia/Shanghai}, or an empty string for none. */
	static String when(Instant instant, ZoneId zone) {
		return (instant != null) ? WHEN.format(ZonedDateTime.ofInstant(instant, zone)) + " " + zone.getId() : "";
	}

	/**
	 * A Quartz cron in words when it is a plain daily or weekly time ({@code 0 0 9 ? * MON}: "every Monday at
	 * 09:00"), else "on its cron" (the page shows the cron beside it).
	 */
	static String cronInWords(String cron) {
		String[] fields = cron.trim().split("\\s+");
		if (fields.length < 6 || fields.length > 7 || !fields[0].equals("0") || !fields[1].matches("\\d{1,2}")
				|| !fields[2].matches("\\d{1,2}") || !fields[4].equals("*")
				|| (fields.length == 7 && !fields[6].equals("*"))) {
			return "on its cron";
		}
		String time = String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(fields[2]), Integer.parseInt(fields[1]));
		boolean anyDayOfMonth = fields[3].equals("?") || fields[3].equals("*");
		if (anyDayOfMonth && (fields[5].equals("?") || fields[5].equals("*"))) {
			return "every day at " + time;
		}
		if (fields[3].equals("?")) {
			String day = dayName(fields[5]);
			if (day != null) {
				return "every " + day + " at " + time;
			}
		}
		return "on its cron";
	}

	private static String dayName(String field) {
		String upper = field.toUpperCase(Locale.ROOT);
		for (int i = 0; i < DAYS.length; i++) {
			if (DAYS[i].equals(upper) || String.valueOf(i + 1).equals(upper)) {
				return DAY_NAMES[i];
			}
		}
		return null;
	}

}
