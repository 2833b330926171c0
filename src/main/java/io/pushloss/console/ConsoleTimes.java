package io.pushloss.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Instants as the pages write them ({@code ${@consoleTimes.utc(...)}}): to the second, in UTC. */
@Component("consoleTimes")
public class ConsoleTimes {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** {@code 2026-11-23 01:00:00 UTC}, or an empty string for none. */
	public String utc(Instant instant) {
		return (instant != null) ? UTC.format(instant) : "";
	}

}
