package io.pushloss.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.domain.IsoWeek;
import io.pushloss.job.WeekLocks.LockWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The week lock in the database, on H2 and on PostgreSQL: two holders exclude each other, a live holder keeps its
 * lock past its time to live by renewing it, a holder that stops renewing loses it, and a holder whose process on
 * this host has ended loses it at once. A holder on another host (a lock row naming another host, written as its
 * renewals write it), where the process-id check cannot apply, keeps its lock while it renews it, whatever its
 * process id means here, and loses it only once its time to live expired without a renewal. "This host" is the
 * node host a process is given ({@code pushloss.node.host}), the machine's host name unless set: processes on one
 * machine that give different ones (containers sharing a host name, not process ids) treat each other as on
 * another host.
 */
class WeekLocksTests {

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	private static final WeekLockProperties SHORT = new WeekLockProperties(Duration.ofSeconds(3));

	private static final String HOST = "test-host";

	/** The databases the lock runs on. */
	enum Database {

		H2, POSTGRESQL

	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void twoHoldersExcludeEachOtherAndTheRefusedOneNamesTheHolder(Database database) throws Exception {
		try (Locks locks = Locks.on(database)) {
			WeekLocks a = locks.holder("node-a", 101);
			WeekLocks b = locks.holder("node-b", 202);

			Optional<WeekLocks.Held> held = a.tryAcquire("demo", W46, LockWait.NONE);
			assertThat(held).isPresent();
			assertThat(b.tryAcquire("demo", W46, LockWait.NONE)).isEmpty();
			assertThat(b.holder("demo", W46)).map(WeekLockHolder::describe).contains("node node-a / pid 101");
			assertThat(b.tryAcquire("demo", W46.plusWeeks(1), LockWait.NONE)).as("another week is free")
				.hasValueSatisfying(WeekLocks.Held::close);
			assertThat(b.tryAcquire("other-job", W46, LockWait.NONE)).as("another job's week is free")
				.hasValueSatisfying(WeekLocks.Held::close);

			held.get().close();

			Optional<WeekLocks.Held> taken = b.tryAcquire("demo", W46, LockWait.NONE);
			assertThat(taken).as("released by its holder").isPresent();
			assertThat(a.holder("demo", W46)).map(WeekLockHolder::describe).contains("node node-b / pid 202");
			taken.get().close();
			assertThat(a.holder("demo", W46)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aLiveHolderRenewsItsLockSoATakeoverWaitsInVain(Database database) throws Exception {
		try (Locks locks = Locks.on(database)) {
			WeekLocks a = locks.holder("node-a", 101);
			WeekLocks b = locks.holder("node-b", 202);
			Optional<WeekLocks.Held> held = a.tryAcquire("demo", W46, LockWait.TAKEOVER);
			assertThat(held).isPresent();

			// waits the time to live and one renewal: longer than the lock lives without renewals
			assertThat(b.tryAcquire("demo", W46, LockWait.TAKEOVER)).as("never taken from a live holder").isEmpty();

			assertThat(b.holder("demo", W46)).map(WeekLockHolder::describe).contains("node node-a / pid 101");
			held.get().close();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aHolderThatStopsRenewingLosesItsLockToATakeover(Database database) throws Exception {
		try (Locks locks = Locks.on(database)) {
			WeekLocks a = locks.holder("node-a", 101);
			WeekLocks b = locks.holder("node-b", 202);
			assertThat(a.tryAcquire("demo", W46, LockWait.NONE)).isPresent();
			a.destroy(); // its renewals stop, as when its process is killed

			assertThat(b.tryAcquire("demo", W46, LockWait.NONE)).as("not yet expired").isEmpty();
			Optional<WeekLocks.Held> taken = b.tryAcquire("demo", W46, LockWait.TAKEOVER);

			assertThat(taken).as("expired: taken over").isPresent();
			assertThat(b.holder("demo", W46)).map(WeekLockHolder::describe).contains("node node-b / pid 202");
			taken.get().close();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void theLockOfAProcessOnThisHostThatEndedIsTakenAtOnce(Database database) throws Exception {
		long ended = endedProcessPid();
		try (Locks locks = Locks.on(database)) {
			WeekLocks dead = locks.holder(HOST, ended);
			WeekLocks alive = locks.holder(HOST, ProcessHandle.current().pid());
			WeekLocks elsewhere = locks.holder("node-b", 202);
			assertThat(dead.tryAcquire("demo", W46, LockWait.NONE)).isPresent();
			dead.destroy();

			Optional<WeekLocks.Held> taken = alive.tryAcquire("demo", W46, LockWait.NONE);

			assertThat(taken).as("its process has ended: no need to wait for the time to live").isPresent();
			assertThat(elsewhere.tryAcquire("demo", W46, LockWait.NONE))
				.as("a live process on this host keeps it, even from another host's view").isEmpty();
			taken.get().close();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aHolderOnAnotherHostKeepsItsRenewedLockEvenWhenItsProcessIdIsNoProcessHere(Database database)
			throws Exception {
		long endedHere = endedProcessPid();
		try (Locks locks = Locks.on(database)) {
			WeekLocks local = locks.holder(HOST, ProcessHandle.current().pid());
			// a holder on another host that renews: its expiry always lies ahead (set here an hour ahead, so that no
			// stall of this machine can make it expire during the test)
			locks.foreignRow("demo", W46, "far-host/" + endedHere + "/beef", Duration.ofHours(1));

			assertThat(local.tryAcquire("demo", W46, LockWait.NONE))
				.as("its pid names an ended process on this host, but it runs on another host").isEmpty();
			locks.foreignRow("demo", W46, "far-host/" + endedHere + "/beef", Duration.ofHours(1)); // renewed
			assertThat(local.tryAcquire("demo", W46, LockWait.TAKEOVER))
				.as("a takeover waits its time to live and one renewal, and never takes a renewed lock").isEmpty();

			assertThat(local.holder("demo", W46)).map(WeekLockHolder::describe)
				.contains("node far-host / pid " + endedHere);
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aHolderOnAnotherHostThatStoppedRenewingLosesItsLockOnceItsTimeToLiveExpired(Database database)
			throws Exception {
		try (Locks locks = Locks.on(database)) {
			WeekLocks local = locks.holder(HOST, ProcessHandle.current().pid());
			locks.foreignRow("demo", W46, "far-host/4242/beef", Duration.ofHours(1));
			assertThat(local.tryAcquire("demo", W46, LockWait.NONE)).as("within its time to live").isEmpty();

			// its time to live passes without a renewal
			locks.foreignRow("demo", W46, "far-host/4242/beef", Duration.ofSeconds(-1));
			Optional<WeekLocks.Held> taken = local.tryAcquire("demo", W46, LockWait.NONE);

			assertThat(taken).as("expired: taken").isPresent();
			assertThat(local.holder("demo", W46)).map(WeekLockHolder::host).contains(HOST);
			taken.get().close();

			// a takeover waiting for a lock that expires while it waits (a holder that died a moment ago) gets it
			locks.foreignRow("demo", W46.plusWeeks(1), "far-host/4242/beef", Duration.ofSeconds(1));
			Optional<WeekLocks.Held> takenOver = local.tryAcquire("demo", W46.plusWeeks(1), LockWait.TAKEOVER);

			assertThat(takenOver).as("expired during the wait: taken over").isPresent();
			assertThat(local.holder("demo", W46.plusWeeks(1))).map(WeekLockHolder::host).contains(HOST);
			takenOver.get().close();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aProcessGivenANodeHostNamesItInItsLockRows(Database database) throws Exception {
		try (Locks locks = Locks.on(database)) {
			WeekLocks node = locks.node(new NodeProperties("container-a"));

			Optional<WeekLocks.Held> held = node.tryAcquire("demo", W46, LockWait.NONE);

			assertThat(held).isPresent();
			assertThat(node.self()).extracting(WeekLockHolder::host, WeekLockHolder::pid)
				.containsExactly("container-a", ProcessHandle.current().pid());
			assertThat(locks.node(new NodeProperties(null)).holder("demo", W46)).map(WeekLockHolder::describe)
				.contains("node container-a / pid " + ProcessHandle.current().pid());
			held.get().close();
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void processesGivenDifferentNodeHostsOnOneMachineNeverJudgeEachOtherByProcessId(Database database)
			throws Exception {
		long endedHere = endedProcessPid();
		try (Locks locks = Locks.on(database)) {
			// a holder in another container: its process id names an ended process in this one's namespace
			locks.foreignRow("demo", W46, "container-b/" + endedHere + "/beef", Duration.ofHours(1));
			WeekLocks containerA = locks.node(new NodeProperties("container-a"));
			WeekLocks containerB = locks.node(new NodeProperties("container-b"));

			assertThat(containerA.tryAcquire("demo", W46, LockWait.NONE))
				.as("another node host: left to its time to live, whatever its process id means here").isEmpty();
			Optional<WeekLocks.Held> taken = containerB.tryAcquire("demo", W46, LockWait.NONE);

			assertThat(taken).as("the same node host: its process has ended, taken at once").isPresent();
			assertThat(containerA.holder("demo", W46)).map(WeekLockHolder::host).contains("container-b");
			taken.get().close();
		}
	}

	@Test
	void anUnsetOrBlankNodeHostIsTheMachinesHostNameAndOneWithASlashIsRefusedNamingTheSetting() {
		assertThat(new NodeProperties(null).hostOrMachineName()).isEqualTo(WeekLockHolder.localHost());
		assertThat(new NodeProperties("  ").hostOrMachineName()).isEqualTo(WeekLockHolder.localHost());
		assertThat(new NodeProperties(" node-1 ").hostOrMachineName()).isEqualTo("node-1");
		assertThatIllegalArgumentException().isThrownBy(() -> new NodeProperties("rack/node-1"))
			.withMessageContaining("pushloss.node.host")
			.withMessageContaining("rack/node-1");
		assertThatIllegalArgumentException().isThrownBy(() -> new NodeProperties("n".repeat(201)))
			.withMessageContaining("pushloss.node.host");
	}

	/** The process id of a process of this host that has ended. */
	private static long endedProcessPid() throws Exception {
		Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		ended.waitFor();
		return ended.pid();
	}

	/** Lock services of several holders on one fresh database, all on {@link #HOST}'s view of the world. */
	private static final class Locks implements AutoCloseable {

		private final DataSource dataSource;

		private final PostgresTestDatabase postgres;

		private final java.util.List<WeekLocks> created = new java.util.ArrayList<>();

		private Locks(DataSource dataSource, PostgresTestDatabase postgres) throws Exception {
			this.dataSource = dataSource;
			this.postgres = postgres;
			new JdbcTemplate(dataSource)
				.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V7__week_lock.sql")));
		}

		static Locks on(Database database) throws Exception {
			if (database == Database.H2) {
				return new Locks(new DriverManagerDataSource(
						"jdbc:h2:mem:locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), null);
			}
			PostgresTestDatabase postgres = PostgresTestDatabase.create();
			return new Locks(postgres.dataSource(), postgres);
		}

		/**
		 * Writes the lock row of a holder that is not one of these services (another node), as its renewals write
		 * it: held by {@code clientId} until {@code expiresIn} from now (UTC, as Spring Integration writes it).
		 */
		void foreignRow(String job, IsoWeek week, String clientId, Duration expiresIn) {
			String lockKey = UUIDConverter.getUUID(job + " " + week).toString();
			LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.update("DELETE FROM INT_LOCK WHERE REGION = ? AND LOCK_KEY = ?", WeekLocks.REGION, lockKey);
			jdbc.update("INSERT INTO INT_LOCK (REGION, LOCK_KEY, CLIENT_ID, CREATED_DATE, EXPIRED_AFTER) "
					+ "VALUES (?, ?, ?, ?, ?)", WeekLocks.REGION, lockKey, clientId, now, now.plus(expiresIn));
		}

		/** This process as the application creates it, given {@code node}. */
		WeekLocks node(NodeProperties node) {
			WeekLocks locks = new WeekLocks(this.dataSource, SHORT, node);
			this.created.add(locks);
			return locks;
		}

		WeekLocks holder(String host, long pid) {
			WeekLocks locks = new WeekLocks(this.dataSource, SHORT, new WeekLockHolder(host, pid, "0ace"), HOST);
			this.created.add(locks);
			return locks;
		}

		@Override
		public void close() throws Exception {
			this.created.forEach(WeekLocks::destroy);
			if (this.postgres != null) {
				this.postgres.close();
			}
			else {
				new JdbcTemplate(this.dataSource).execute("SHUTDOWN");
			}
		}

	}

}
