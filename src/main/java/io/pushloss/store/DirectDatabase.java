package io.pushloss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.StringUtils;

import io.pushloss.domain.DataDirectoryProperties;

/**
 * The program's database opened without the application context, for the read-only commands ({@code runs}): one
 * connection, no pool, no Flyway, no scheduler. It is the same database the application uses: PostgreSQL when
 * {@code spring.datasource.url} is set (with {@code spring.datasource.username} / {@code password}), otherwise the
 * H2 file under the data directory. Because nothing is migrated, {@link #schema()} tells whether the tables are as
 * old as the program expects.
 */
public final class DirectDatabase implements AutoCloseable {

	/** Migration files on the class path: {@code V<version>__<description>.sql}. */
	private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^/]*\\.sql$");

	private final SingleConnectionDataSource dataSource;

	private final String url;

	private DirectDatabase(SingleConnectionDataSource dataSource, String url) {
		this.dataSource = dataSource;
		this.url = url;
	}

	/**
	 * The URL the application would use: {@code spring.datasource.url} when set, else the data directory's H2
	 * file.
	 * @param dataDir the data directory
	 * @param property looks up an application property such as {@code spring.datasource.url}, {@code null} when
	 * unset
	 */
	public static String url(Path dataDir, UnaryOperator<String> property) {
		String configured = property.apply("spring.datasource.url");
		return StringUtils.hasText(configured) ? configured
				: EmbeddedDatabase.jdbcUrl(new DataDirectoryProperties(dataDir));
	}

	/** Whether a URL is of the embedded H2 file database (which read-only commands must never create). */
	public static boolean embedded(String url) {
		return url.startsWith("jdbc:h2:");
	}

	/**
	 * Opens one connection to the database.
	 * @param dataDir the data directory
	 * @param property looks up an application property ({@code spring.datasource.*}), {@code null} when unset
	 * @throws CannotGetJdbcConnectionException when the database cannot be opened, naming it (never its password)
	 */
	public static DirectDatabase open(Path dataDir, UnaryOperator<String> property) {
		String url = url(dataDir, property);
		String user = property.apply("spring.datasource.username");
		String password = property.apply("spring.datasource.password");
		if (embedded(url)) {
			H2Loopback.apply();
			// never create the file: a data directory without a database has no runs
			url = url + ";IFEXISTS=TRUE";
			user = EmbeddedDatabase.USER;
			// the generated credential; a database from before it (not upgraded yet) still has the empty password
			password = EmbeddedDatabase.existingPassword(new DataDirectoryProperties(dataDir));
		}
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
		try (Connection connection = dataSource.getConnection()) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			dataSource.destroy();
			throw new CannotGetJdbcConnectionException("Cannot open the database " + withoutPassword(url) + ": "
					+ ex.getMessage(), ex);
		}
		return new DirectDatabase(dataSource, withoutPassword(url));
	}

	/** The data source over the one connection; valid until {@link #close()}. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** The URL, without a password. */
	public String url() {
		return this.url;
	}

	/** The migration version of the tables against the newest migration this program has. */
	public Schema schema() {
		return new Schema(installedVersion(), latestMigration());
	}

	private OptionalInt installedVersion() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet versions = statement
					.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
			int max = -1;
			while (versions.next()) {
				String version = versions.getString(1);
				if (version != null && version.matches("\\d+")) {
					max = Math.max(max, Integer.parseInt(version));
				}
			}
			return (max < 0) ? OptionalInt.empty() : OptionalInt.of(max);
		}
		catch (SQLException ex) {
			// no history table: a database this program never migrated
			return OptionalInt.empty();
		}
	}

	/**
	 * Whether the database has every migration of this program applied successfully and no failed one, so that
	 * Flyway would find nothing to do (checksums are not compared: that is Flyway's validation, which this
	 * replaces). Any doubt (no history table, an unreadable version) says no.
	 */
	public boolean upToDate() {
		Set<Integer> applied = new HashSet<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
			while (rows.next()) {
				String version = rows.getString(1);
				if (!rows.getBoolean(2)) {
					return false;
				}
				if (version != null && version.matches("\\d+")) {
					applied.add(Integer.parseInt(version));
				}
			}
		}
		catch (SQLException ex) {
			return false;
		}
		String vendor = this.url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
		return !applied.isEmpty() && applied.containsAll(migrations("common")) && applied.containsAll(migrations(vendor));
	}

	/** The newest migration version on the class path (every vendor's folder). */
	static int latestMigration() {
		return migrations("*").stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/** The migration versions on the class path in a folder of {@code db/migration} ({@code *}: every folder). */
	static Set<Integer> migrations(String folder) {
		try {
			Set<Integer> versions = new HashSet<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/" + folder + "/V*__*.sql")) {
				Matcher matcher = MIGRATION.matcher(String.valueOf(resource.getFilename()));
				if (matcher.find()) {
					versions.add(Integer.parseInt(matcher.group(1)));
				}
			}
			return versions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the migrations on the class path: " + ex.getMessage(), ex);
		}
	}

	private static String withoutPassword(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}

	@Override
	public void close() {
		this.dataSource.destroy();
	}

	/**
	 * How old the database's tables are.
	 *
	 * @param installed the newest migration applied to the database, empty when it has none
	 * @param latest the newest migration of this program
	 */
	public record Schema(OptionalInt installed, int latest) {

		/** Whether the database lacks migrations of this program (the next run, backfill or serve applies them). */
		public boolean older() {
			return this.installed.isEmpty() || this.installed.getAsInt() < this.latest;
		}

		/** Whether the database was migrated by a newer program than this one. */
		public boolean newer() {
			return this.installed.isPresent() && this.installed.getAsInt() > this.latest;
		}

	}

}
