package io.pushloss.console;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The audit trail until accounts keep one: the log of {@code serve} only. */
@Component
class LoggedAudit implements ConsoleAudit {

	private static final Logger logger = LoggerFactory.getLogger(LoggedAudit.class);

	@Override
	public void record(String user, Action action, String target) {
		logger.info("Audit: {} {} {}", user, action, target);
	}

	@Override
	public List<Entry> recent(int limit) {
		return List.of();
	}

}
