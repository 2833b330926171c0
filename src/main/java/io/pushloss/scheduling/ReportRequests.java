package io.pushloss.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;
import io.pushloss.scheduling.ReportRequest.Kind;
import io.pushloss.scheduling.ReportRequest.State;

/**
 * The table of run-now and backfill requests ({@code report_request}), shared by every node on a shared database.
 */
@Component
public class ReportRequests {

	private static final int MESSAGE_LENGTH = 2000;

	private final JdbcClient jdbc;

	ReportRequests(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	void insert(ReportRequest request) {
		this.jdbc.sql("INSERT INTO report_request (id, kind, job_name, first_week, last_week, email, force_refresh,"
				+ " requested_by, requested_at, state) VALUES (:id, :kind, :job, :from, :to, :email, :force, :by, :at,"
				+ " :state)")
			.param("id", request.id())
			.param("kind", request.kind().name())
			.param("job", request.job())
			.param("from", request.from().toString())
			.param("to", request.to().toString())
			.param("email", request.email())
			.param("force", request.force())
			.param("by", request.requestedBy())
			.param("at", request.requestedAt().toEpochMilli())
			.param("state", request.state().name())
			.update();
	}

	void started(String id, String node, Instant at) {
		this.jdbc.sql("UPDATE report_request SET state = 'RUNNING', node = :node, started_at = :at WHERE id = :id")
			.param("node", node)
			.param("at", at.toEpochMilli())
			.param("id", id)
			.update();
	}

	void ran(String id, Long executionId, String message) {
		ReportRequest request = find(id).orElse(null);
		if (request == null) {
			return;
		}
		String ids = (executionId == null) ? join(request.executionIds())
				: join(java.util.stream.Stream.concat(request.executionIds().stream(),
						java.util.stream.Stream.of(executionId)).distinct().toList());
		this.jdbc.sql("UPDATE report_request SET execution_ids = :ids, message = :message WHERE id = :id")
			.param("ids", ids)
			.param("message", shorten(message))
			.param("id", id)
			.update();
	}

	void ended(String id, State state, Instant at, String message) {
		this.jdbc.sql("UPDATE report_request SET state = :state, ended_at = :at, message = COALESCE(:message, message)"
				+ " WHERE id = :id")
			.param("state", state.name())
			.param("at", at.toEpochMilli())
			.param("message", shorten(message))
			.param("id", id)
			.update();
	}

	/** One request, or empty when there is none with that id. */
	public Optional<ReportRequest> find(String id) {
		return this.jdbc.sql("SELECT * FROM report_request WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/** The most recent requests, newest first. */
	public List<ReportRequest> recent(int limit) {
		return this.jdbc.sql("SELECT * FROM report_request ORDER BY requested_at DESC, id LIMIT :limit")
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private ReportRequest map(ResultSet rs, int row) throws SQLException {
		String ids = rs.getString("execution_ids");
		List<Long> executionIds = (ids == null || ids.isBlank()) ? List.of()
				: Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
		return new ReportRequest(rs.getString("id"), Kind.valueOf(rs.getString("kind")), rs.getString("job_name"),
				IsoWeek.parse(rs.getString("first_week")), IsoWeek.parse(rs.getString("last_week")),
				rs.getBoolean("email"), rs.getBoolean("force_refresh"), rs.getString("requested_by"),
				Instant.ofEpochMilli(rs.getLong("requested_at")), State.valueOf(rs.getString("state")),
				instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("node"), executionIds,
				rs.getString("message"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	private static String join(List<Long> ids) {
		return String.join(",", ids.stream().map(String::valueOf).toList());
	}

	private static String shorten(String message) {
		return (message == null || message.length() <= MESSAGE_LENGTH) ? message
				: message.substring(0, MESSAGE_LENGTH - 3) + "...";
	}

}
