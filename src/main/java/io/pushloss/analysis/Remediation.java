package io.pushloss.analysis;

import java.util.Objects;

/**
 * What an error code means and what to do about it.
 *
 * @param category why the pushes were lost
 * @param owner who can act
 * @param hint a one-line remediation hint
 * @param catalogued {@code false} when the code is not in the catalogue (shown as "uncatalogued")
 */
public record Remediation(LossCategory category, RemediationOwner owner, String hint, boolean catalogued) {

	public Remediation {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(hint, "hint");
	}

	/** The entry for a code the catalogue does not know. */
	public static Remediation uncatalogued() {
		return new Remediation(LossCategory.UNKNOWN, RemediationOwner.UNKNOWN,
				"Uncatalogued code: look it up in the vendor's documentation and add it to the catalogue.", false);
	}

}
