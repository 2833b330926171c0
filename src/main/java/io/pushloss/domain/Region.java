package io.pushloss.domain;

import java.util.Locale;

/**
 * The vendor's data centres and their REST API domains.
 */
public enum Region {

	CHINA("console.tim.qq.com"), SINGAPORE("adminapisgp.im.qcloud.com"), SEOUL("adminapikr.im.qcloud.com"),
	FRANKFURT("adminapiger.im.qcloud.com"), SILICON_VALLEY("adminapiusa.im.qcloud.com"),
	JAKARTA("adminapiidn.im.qcloud.com");

	private static final CodeIndex<String, Region> BY_KEY = CodeIndex.of(Region.class, Region::key,
			(key) -> "unknown region '" + key
					+ "'; expected china, singapore, seoul, frankfurt, silicon-valley or jakarta");

	private final String domain;

	Region(String domain) {
		this.domain = domain;
	}

	public String domain() {
		return this.domain;
	}

	/** {@code https://<domain>}. */
	public String baseUrl() {
		return "https://" + this.domain;
	}

	/** The name used in job files, for example {@code silicon-valley}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Parses a job file's region name.
	 * @throws IllegalArgumentException listing the valid names
	 */
	public static Region fromKey(String key) {
		return BY_KEY.get(key);
	}

}
