package io.pushloss.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A picture of an email as a reader sees its first screen: the HTML part, with its inline images, rendered by
 * headless Chromium at 800 px wide. Without Chromium on the machine nothing is rendered (and an earlier picture is
 * kept).
 */
final class EmailPreview {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private EmailPreview() {
	}

	/** Whether a browser is there to render with. */
	static boolean available() {
		return Files.isExecutable(CHROMIUM);
	}

	/** Renders the first 1,100 px of the email at 800 px wide into {@code png}. */
	static Path render(Path eml, Path png) throws IOException {
		return render(eml, png, 800, 1100, false);
	}

	/**
	 * Renders the top {@code height} px of the email at {@code width} px wide into {@code png}, in the light or the
	 * dark colour scheme (the reader's system setting, as {@code prefers-color-scheme} sees it).
	 */
	static Path render(Path eml, Path png, int width, int height, boolean dark) throws IOException {
		Path work = Files.createTempDirectory("email-preview");
		Path html = work.resolve("email.html");
		Files.writeString(html, inlinedHtml(eml));
		List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new",
				"--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
				"--no-first-run", "--user-data-dir=" + work.resolve("profile"), "--hide-scrollbars",
				"--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath()));
		if (dark) {
			command.add("--force-dark-mode");
			command.add("--blink-settings=preferredColorScheme=0");
		}
		command.add(html.toUri().toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("chromium.log").toFile())
			.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(png)) {
				process.destroyForcibly();
				throw new IOException("Chromium did not render " + html + "; see " + work.resolve("chromium.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while rendering " + html, ex);
		}
		return png;
	}

	/** The HTML part with every {@code cid:} image replaced by a data URI. */
	private static String inlinedHtml(Path eml) throws IOException {
		try (InputStream in = Files.newInputStream(eml)) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			String[] html = { null };
			Map<String, String> cids = new HashMap<>();
			walk(message, html, cids);
			String result = html[0];
			for (Map.Entry<String, String> cid : cids.entrySet()) {
				result = result.replace("cid:" + cid.getKey(), cid.getValue());
			}
			return result;
		}
		catch (MessagingException ex) {
			throw new IOException("Cannot read " + eml + ": " + ex.getMessage(), ex);
		}
	}

	private static void walk(Part part, String[] html, Map<String, String> cids)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				walk(body, html, cids);
			}
		}
		else if (part.isMimeType("text/html") && html[0] == null) {
			html[0] = (String) part.getContent();
		}
		else if (part.isMimeType("image/*") && part.getHeader("Content-ID") != null) {
			String id = part.getHeader("Content-ID")[0].replaceAll("[<>]", "");
			try (InputStream image = part.getInputStream()) {
				cids.put(id, "data:" + part.getContentType().split(";")[0].trim() + ";base64,"
						+ Base64.getEncoder().encodeToString(image.readAllBytes()));
			}
		}
	}

}
