package io.pushloss.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run with {@code LOGGING_LEVEL_ROOT=DEBUG} against a vendor that echoes the first 60 characters of the
 * UserSig in its error text: neither the UserSig nor any 16-character run of it, nor the secret key, reaches the
 * console, the log file or the owners' failure notice. The JDK HTTP client's debug logger (which writes every
 * request URI, signed ones included) stays off although the root logger is at DEBUG.
 */
class SecretsInLogsTests {

	private static final String KEY = "9f1c2d3e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	private HttpServer vendor;

	private final List<String> userSigs = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startEchoingVendor() throws IOException {
		this.vendor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		this.vendor.createContext("/", (exchange) -> {
			String query = exchange.getRequestURI().getRawQuery();
			String userSig = URLDecoder.decode(query.replaceAll(".*usersig=([^&]*).*", "$1"), StandardCharsets.UTF_8);
			this.userSigs.add(userSig);
			byte[] body = ("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":90045,\"ErrorInfo\":\"push service off for usersig "
					+ userSig.substring(0, 60) + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.vendor.start();
	}

	@AfterEach
	void stopVendor() {
		this.vendor.stop(0);
	}

	@Test
	void aRunAtRootDebugWritesNoPartOfTheUserSigOrTheKeyAnywhere() throws IOException {
		Path job = Files.writeString(this.work.resolve("leak.yml"), """
				name: leak
				zone: Asia/Shanghai
				schedule: "0 0 9 ? * MON"
				api:
				  base-url: http://127.0.0.1:%d
				  sdkappid: 1400000777
				  identifier: administrator
				  secret-key-env: LEAK_TEST_SECRET_KEY
				sources:
				  normal: true
				window: P7D
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				owners: [oncall@example.com]
				""".formatted(this.vendor.getAddress().getPort()));
		Path data = this.work.resolve("data");
		ChildCli cli = new ChildCli(this.work).env("LEAK_TEST_SECRET_KEY", KEY).env("LOGGING_LEVEL_ROOT", "DEBUG");

		ChildCli.Result result = cli.run("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString());

		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("90045 push service not enabled").contains("<redacted>");
		assertThat(this.userSigs).as("the vendor was called").isNotEmpty();
		String log = Files.readString(data.resolve("logs/push-loss-report.log"));
		assertThat(log).as("the root logger was at DEBUG").contains(" DEBUG ").contains("<redacted>");
		assertThat(log).doesNotContain("jdk.internal.httpclient");
		List<String> places = new ArrayList<>(List.of(result.output(), log));
		try (Stream<Path> outbox = Files.list(data.resolve("outbox"))) {
			for (Path notice : outbox.toList()) {
				places.add(Files.readString(notice));
			}
		}
		assertThat(places).as("console, log file and failure notice").hasSizeGreaterThanOrEqualTo(3);
		for (String text : places) {
			assertThat(text).doesNotContain(KEY);
			for (String userSig : this.userSigs) {
				for (int i = 0; i + 16 <= userSig.length(); i++) {
					assertThat(text).doesNotContain(userSig.substring(i, i + 16));
				}
			}
		}
	}

}
