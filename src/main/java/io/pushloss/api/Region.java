package io.pushloss.api;

import java.util.Locale;

/**
 * The vendor's data centres and their REST API domains.
 */
public enum Region {

	CHINA("console.tim.qq.com"), SINGAPORE("adminapisgp.im.qcloud.com"), SEOUL("adminapikr.im.qcloud.com"),
	FRANKFURT("adminapiger.im.qcloud.com"), SILICON_VALLEY("adminapiusa.im.qcloud.com"),
	JAKARTA("adminapiidn.im.qcloud.com");

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
		for (Region region : values()) {
			if (region.key().equals(key)) {
				return region;
			}
		}
		throw new IllegalArgumentException("unknown region '" + key
				+ "'; expected china, singapore, seoul, frankfurt, silicon-valley or jakarta");
	}

}
