package io.pushloss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in README.md and in doc/ resolves: the file or folder exists, and a {@code #fragment} names a
 * heading of the page it points to (GitHub's anchors: lower case, spaces to '-', punctuation dropped).
 */
class DocumentationLinksTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

	@Test
	void everyRelativeLinkOfTheReadmeAndTheDocumentationResolves() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("sample-output/README.md")));
		try (Stream<Path> doc = Files.walk(Path.of("doc"))) {
			doc.filter((path) -> path.toString().endsWith(".md")).forEach(pages::add);
		}
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			List<String> lines = Files.readAllLines(page);
			for (int i = 0; i < lines.size(); i++) {
				Matcher link = LINK.matcher(lines.get(i));
				while (link.find()) {
					String problem = problem(page, link.group(1));
					if (problem != null) {
						broken.add(page + ":" + (i + 1) + ": " + link.group(1) + " (" + problem + ")");
					}
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
		assertThat(pages).as("pages read").hasSizeGreaterThan(5);
	}

	@Test
	void theReadmeIsAPageANewcomerReadsInFiveMinutes() throws IOException {
		assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(200);
	}

	private static String problem(Path page, String target) throws IOException {
		if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
			return null;
		}
		int hash = target.indexOf('#');
		String file = (hash < 0) ? target : target.substring(0, hash);
		Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
			return "no such heading in " + resolved.getFileName();
		}
		return null;
	}

	private static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new HashSet<>();
		boolean code = false;
		for (String line : Files.readAllLines(page)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			Matcher heading = HEADING.matcher(line);
			if (!code && heading.matches()) {
				anchors.add(heading.group(1)
					.strip()
					.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}\\- _]", "")
					.replace(' ', '-'));
			}
		}
		return anchors;
	}

}
