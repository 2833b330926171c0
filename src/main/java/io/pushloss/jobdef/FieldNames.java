package io.pushloss.jobdef;

import java.util.Locale;

/**
 * Turns record component names into the job file's kebab-case keys, as the YAML mapper's
 * {@code PropertyNamingStrategies.KEBAB_CASE} does for the plain camel-case names of {@link RawJob}.
 */
final class FieldNames {

	private FieldNames() {
	}

	/** {@code secretKeyEnv} to {@code secret-key-env}. */
	static String key(String componentName) {
		return componentName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** {@code prefix.key} (or just the key at the top level). */
	static String join(String prefix, String componentName) {
		String key = key(componentName);
		return (prefix == null || prefix.isEmpty()) ? key : prefix + "." + key;
	}

}
