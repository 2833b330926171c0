package io.pushloss.jobdef;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.quartz.CronExpression;

import io.pushloss.domain.Region;

/**
 * The text formats of job file values, each with the check behind {@link TextFormat} and the conversion that
 * {@link JobDefinitionLoader} applies once the check passed.
 */
enum ValueFormat {

	/** A region ID such as {@code Asia/Shanghai} or an offset such as {@code +08:00}. */
	ZONE("must be a time zone ID such as Asia/Shanghai") {
		@Override
		boolean accepts(String value) {
			try {
				ZoneId.of(value);
				return true;
			}
			catch (DateTimeException ex) {
				return false;
			}
		}
	},

	/** A Quartz cron expression: seconds minutes hours day-of-month month day-of-week [year]. */
	CRON("must be a Quartz cron expression such as \"0 0 9 ? * MON\"") {
		@Override
		String problem(String value) {
			try {
				CronExpression.validateExpression(value);
				return null;
			}
			catch (ParseException ex) {
				return reason() + " (" + ex.getMessage().strip() + ")";
			}
		}
	},

	/** One of the vendor's data centres, by its job file name. */
	REGION("must be one of china, singapore, seoul, frankfurt, silicon-valley or jakarta") {
		@Override
		boolean accepts(String value) {
			try {
				Region.fromKey(value);
				return true;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
	},

	/** An absolute http or https URL with a host and nothing after the path. */
	HTTP_URL("must be an http or https URL such as http://127.0.0.1:8089, without query or fragment") {
		@Override
		boolean accepts(String value) {
			try {
				URI uri = new URI(value);
				String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
				return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
						&& uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}
	},

	/** An ISO-8601 period of one to seven whole days, such as {@code P1D}, {@code P7D} or {@code P1W}. */
	WINDOW("must be an ISO period from P1D to P7D") {
		@Override
		boolean accepts(String value) {
			try {
				Period period = Period.parse(value);
				return period.getYears() == 0 && period.getMonths() == 0 && period.getDays() >= 1
						&& period.getDays() <= 7;
			}
			catch (DateTimeException ex) {
				return false;
			}
		}
	},

	/** A report language: {@code en} or {@code zh-CN} (see {@link #toLocale(String)}). */
	LOCALE("must be one of en or zh-CN") {
		@Override
		boolean accepts(String value) {
			return toLocale(value) != null;
		}
	},

	/** One RFC 822 address, {@code pm@example.com} or {@code Jane Doe <jane@example.com>}, strictly parsed. */
	MAIL_ADDRESS("must be one email address such as pm@example.com") {
		@Override
		boolean accepts(String value) {
			try {
				InternetAddress address = new InternetAddress(value, true);
				address.validate();
				return !address.isGroup();
			}
			catch (AddressException ex) {
				return false;
			}
		}
	};

	private final String reason;

	/** The report languages a job file may name, by their tag (case-insensitive, {@code _} as {@code -}). */
	static Locale toLocale(String value) {
		String tag = value.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		return switch (tag) {
			case "en" -> Locale.ENGLISH;
			case "zh-cn" -> Locale.SIMPLIFIED_CHINESE;
			default -> null;
		};
	}

	ValueFormat(String reason) {
		this.reason = reason;
	}

	/** The operator-facing reason a value is rejected, without the value. */
	String reason() {
		return this.reason;
	}

	/** Whether a (non-null) value has this format. */
	boolean accepts(String value) {
		return problem(value) == null;
	}

	/** {@code null} when the value has this format, else why not. */
	String problem(String value) {
		return accepts(value) ? null : this.reason;
	}

}
