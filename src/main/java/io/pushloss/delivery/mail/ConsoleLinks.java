package io.pushloss.delivery.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where readers of the email open a week in the console ({@code pushloss.console.public-base-url}, for example
 * {@code https://pushloss.example.com}): with it the email links to {@code {base}/library/{job}/{week}} and the
 * week's documents under it; without it the footer names the week's archive folder relative to the archive root,
 * never a path on the report server.
 *
 * @param publicBaseUrl the console's address as readers reach it, without a trailing slash; {@code null} or blank
 * when readers cannot reach it
 */
@ConfigurationProperties("pushloss.console")
public record ConsoleLinks(String publicBaseUrl) {

	public ConsoleLinks {
		publicBaseUrl = (publicBaseUrl == null || publicBaseUrl.isBlank()) ? null
				: publicBaseUrl.strip().replaceAll("/+$", "");
	}

	/** No public console: the footer names the archive folder. */
	public static ConsoleLinks none() {
		return new ConsoleLinks(null);
	}

	/** Whether readers can open the console. */
	public boolean enabled() {
		return this.publicBaseUrl != null;
	}

	/** {@code {base}/library/{job}/{week}}, or {@code null} without a base URL. */
	public String weekPage(String jobName, String week) {
		return enabled() ? this.publicBaseUrl + "/library/" + segment(jobName) + "/" + segment(week) : null;
	}

	/** {@code {base}/library/{job}/{week}/files/{file}}, or {@code null} without a base URL. */
	public String document(String jobName, String week, String fileName) {
		return enabled() ? weekPage(jobName, week) + "/files/" + segment(fileName) : null;
	}

	private static String segment(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
