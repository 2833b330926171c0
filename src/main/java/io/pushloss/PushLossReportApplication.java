package io.pushloss;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind the commands that need the job repository (run, backfill, serve, restart,
 * runs). The process entry point is {@code io.pushloss.cli.Main}.
 */
@SpringBootApplication
public class PushLossReportApplication {

}
