package io.pushloss.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an error code means and what to do about it.
 *
 * @param category why the pushes were lost
 * @param owner who can act
 * @param hint a one-line remediation hint (English; kept for summary.json and older readers)
 * @param catalogued {@code false} when the code is not in the catalogue (shown as "uncatalogued")
 * @param texts what the code means and what to do, by language tag ({@code en}, {@code zh-CN}); may be empty
 */
public record Remediation(LossCategory category, RemediationOwner owner, String hint, boolean catalogued,
		Map<String, Text> texts) {

	public Remediation {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(hint, "hint");
		texts = (texts != null) ? Map.copyOf(texts) : Map.of();
	}

	/** An entry with the hint only (its meaning and action are read from the hint). */
	public Remediation(LossCategory category, RemediationOwner owner, String hint, boolean catalogued) {
		this(category, owner, hint, catalogued, Map.of());
	}

	/** The entry for a code the catalogue does not know. */
	public static Remediation uncatalogued() {
		return new Remediation(LossCategory.UNKNOWN, RemediationOwner.UNKNOWN,
				"Uncatalogued code: look it up in the vendor's documentation and add it to the catalogue.", false);
	}

	/**
	 * What the code means in one short phrase, in {@code locale} if the catalogue has it, else in English (for
	 * entries without {@code meaning}: the hint's text before its first colon).
	 */
	public String meaning(Locale locale) {
		return text(locale).meaning();
	}

	/** What to do, in one sentence, in {@code locale} if the catalogue has it, else in English. */
	public String action(Locale locale) {
		return text(locale).action();
	}

	private Text text(Locale locale) {
		Text text = this.texts.get(locale.toLanguageTag());
		if (text == null) {
			text = this.texts.get("en");
		}
		return (text != null) ? text : Text.fromHint(this.hint);
	}

	/**
	 * One language's text of an entry.
	 *
	 * @param meaning what the code means ("The device token is no longer valid")
	 * @param action what to do, one sentence, without repeating the meaning
	 */
	public record Text(String meaning, String action) {

		public Text {
			Objects.requireNonNull(meaning, "meaning");
			Objects.requireNonNull(action, "action");
		}

		/** {@code "Name: what to do"} split at its first colon; a hint without one is all action. */
		static Text fromHint(String hint) {
			int colon = hint.indexOf(": ");
			if (colon < 0) {
				return new Text("", hint);
			}
			String action = hint.substring(colon + 2).strip();
			if (!action.isEmpty()) {
				action = Character.toUpperCase(action.charAt(0)) + action.substring(1);
			}
			return new Text(hint.substring(0, colon).strip(), action);
		}

	}

}
