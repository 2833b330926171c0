package io.pushloss.report.pdf;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A text of the report with characters that no font embedded in the PDF can draw (an emoji in a task name, a rare
 * ideograph in a vendor's ErrInfo): the PDF shows the text without them, so the run reports it rather than dropping
 * them silently.
 *
 * @param field what the text is, for a reader of the log ("task name", "ErrInfo of Huawei 80300007")
 * @param text the whole text
 * @param codePoints the characters no embedded font draws, each once, in order of appearance
 */
public record UnrenderableText(String field, String text, List<Integer> codePoints) {

	/** At most this many characters of the text are quoted in {@link #message()}. */
	static final int QUOTED_LENGTH = 80;

	public UnrenderableText {
		codePoints = List.copyOf(codePoints);
	}

	/** {@code task name '春节🎉': 1 character (U+1F389) not in any embedded font}. */
	public String message() {
		String quoted = (this.text.length() > QUOTED_LENGTH) ? this.text.substring(0, QUOTED_LENGTH) + "…" : this.text;
		return this.field + " '" + quoted + "': " + this.codePoints.size()
				+ ((this.codePoints.size() == 1) ? " character (" : " characters (")
				+ this.codePoints.stream()
					.map((codePoint) -> String.format(Locale.ROOT, "U+%04X", codePoint))
					.collect(Collectors.joining(" "))
				+ ") not in any embedded font";
	}

}
