package io.pushloss.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.PushLossReportApplication;

/** The application's Spring context as the CLI starts it, on a data directory of the benchmark. */
final class BenchContexts {

	private BenchContexts() {
	}

	static ConfigurableApplicationContext start(Path dataDir, Map<String, String> properties) {
		List<String> args = new ArrayList<>();
		args.add("--pushloss.data-dir=" + dataDir);
		// the benchmark reports what matters; the run's own log goes to <data-dir>/logs
		args.add("--logging.threshold.console=WARN");
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(PushLossReportApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

}
