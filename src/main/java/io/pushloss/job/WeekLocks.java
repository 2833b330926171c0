package io.pushloss.job;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;

/**
 * The week locks: one per job and week, held by whoever runs the week for as long as it runs it, in the database
 * (Spring Integration's {@link JdbcLockRegistry} on the {@code INT_LOCK} table), so that the same code guards a week
 * on the embedded H2 database and across {@code serve} nodes sharing PostgreSQL.
 * <p>
 * A held lock has a time to live ({@link WeekLockProperties}); its holder renews it every third of that from a
 * thread of its own while the run goes on, so a live holder never loses it, and a dead one (SIGKILL, power loss)
 * loses it within the time to live. A holder on this host whose process has ended loses it at once; "this host" is
 * the host the rows name ({@link NodeProperties#host()}, the machine's host name unless set), so that processes in
 * separate process-id namespaces on one machine (containers) can say that they are not on one host. Whoever takes
 * a week's lock therefore knows that no live process runs that week: an execution the job repository still marks
 * running belongs to a dead process and may be continued.
 */
@Component
public class WeekLocks implements DisposableBean {

	/** The locks' region in {@code INT_LOCK}. */
	static final String REGION = "pushloss-week";

	private static final Logger logger = LoggerFactory.getLogger(WeekLocks.class);

	private static final Duration IDLE_BETWEEN_TRIES = Duration.ofMillis(250);

	private final DefaultLockRepository repository;

	private final JdbcLockRegistry registry;

	private final JdbcTemplate jdbc;

	private final WeekLockHolder self;

	private final String localHost;

	private final Duration timeToLive;

	private final Duration renewEvery;

	private final ScheduledExecutorService renewals;

	@Autowired
	WeekLocks(DataSource dataSource, WeekLockProperties properties, NodeProperties node) {
		this(dataSource, properties, node.hostOrMachineName());
	}

	private WeekLocks(DataSource dataSource, WeekLockProperties properties, String host) {
		this(dataSource, properties, WeekLockHolder.thisProcess(host), host);
	}

	WeekLocks(DataSource dataSource, WeekLockProperties properties, WeekLockHolder self, String localHost) {
		this.self = self;
		this.localHost = localHost;
		this.timeToLive = properties.timeToLive();
		this.renewEvery = properties.renewEvery();
		this.repository = new DefaultLockRepository(dataSource, self.clientId());
		this.repository.setRegion(REGION);
		this.repository.setTimeToLive((int) this.timeToLive.toMillis());
		this.repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
		this.repository.afterPropertiesSet();
		this.repository.afterSingletonsInstantiated();
		this.registry = new JdbcLockRegistry(this.repository, this.timeToLive);
		this.registry.setIdleBetweenTries(IDLE_BETWEEN_TRIES);
		this.jdbc = new JdbcTemplate(dataSource);
		this.renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "week-lock-renewal");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Who this process is in the lock rows. */
	public WeekLockHolder self() {
		return this.self;
	}

	/**
	 * How long {@link LockWait#TAKEOVER} waits for a week's lock: its time to live and one renewal, after which a
	 * holder that still has it is alive.
	 */
	public Duration takeoverWait() {
		return this.timeToLive.plus(this.renewEvery);
	}

	/**
	 * Takes a week's lock in the calling thread, which must also close it.
	 * @param wait {@link LockWait#NONE}: only if it is free (or its holder's process on this host has ended);
	 * {@link LockWait#TAKEOVER}: wait up to {@link #takeoverWait()} for a dead holder's lock to expire
	 * @return the held lock, renewed until closed; empty when a live holder keeps it
	 */
	public Optional<Held> tryAcquire(String job, IsoWeek week, LockWait wait) {
		String key = key(job, week);
		Lock lock = this.registry.obtain(key);
		if (lock.tryLock()) {
			return Optional.of(new Held(key, lock));
		}
		Optional<WeekLockHolder> holder = holder(key);
		if (holder.isPresent() && holder.get().deadOn(this.localHost)
				&& this.jdbc.update("DELETE FROM INT_LOCK WHERE REGION = ? AND LOCK_KEY = ? AND CLIENT_ID = ?", REGION,
						lockKey(key), holder.get().clientId()) > 0) {
			logger.warn("The lock of {} was left by {}, which has ended: taking it", key, holder.get().describe());
			if (lock.tryLock()) {
				return Optional.of(new Held(key, lock));
			}
		}
		if (wait == LockWait.TAKEOVER) {
			logger.info("{} is locked by {}: waiting up to {} for its lock to expire", key,
					holder.map(WeekLockHolder::describe).orElse("another process"), takeoverWait());
			try {
				if (lock.tryLock(takeoverWait().toMillis(), TimeUnit.MILLISECONDS)) {
					return Optional.of(new Held(key, lock));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return Optional.empty();
	}

	/** Who holds a week's lock now (or held it last, if it has just expired), empty when nobody does. */
	public Optional<WeekLockHolder> holder(String job, IsoWeek week) {
		return holder(key(job, week));
	}

	private Optional<WeekLockHolder> holder(String key) {
		List<String> clients = this.jdbc.queryForList(
				"SELECT CLIENT_ID FROM INT_LOCK WHERE REGION = ? AND LOCK_KEY = ?", String.class, REGION, lockKey(key));
		return clients.isEmpty() ? Optional.empty() : WeekLockHolder.parse(clients.get(0));
	}

	private static String key(String job, IsoWeek week) {
		return job + " " + week;
	}

	/** The row's LOCK_KEY, as {@link JdbcLockRegistry} derives it from the key. */
	private static String lockKey(String key) {
		return UUIDConverter.getUUID(key).toString();
	}

	@Override
	public void destroy() {
		this.renewals.shutdownNow();
	}

	/** How long to wait for a week's lock. */
	public enum LockWait {

		/** Not at all: a week someone runs is left to them. */
		NONE,

		/**
		 * Up to the lock's time to live and one renewal: for a node taking over the firing of a node the scheduler
		 * saw die. A holder that keeps the lock that long is alive, and keeps it.
		 */
		TAKEOVER

	}

	/** A held week lock, renewed until closed (by the thread that took it). */
	public final class Held implements AutoCloseable {

		private final String key;

		private final Lock lock;

		private final ScheduledFuture<?> renewal;

		private Held(String key, Lock lock) {
			this.key = key;
			this.lock = lock;
			long every = WeekLocks.this.renewEvery.toMillis();
			this.renewal = WeekLocks.this.renewals.scheduleAtFixedRate(this::renew, every, every,
					TimeUnit.MILLISECONDS);
		}

		private void renew() {
			try {
				if (!WeekLocks.this.repository.renew(lockKey(this.key), WeekLocks.this.timeToLive)) {
					logger.error("Lost the lock of {}: it expired and was taken (this process stalled for longer "
							+ "than {}?)", this.key, WeekLocks.this.timeToLive);
				}
			}
			catch (DataAccessException ex) {
				// the database may be back at the next renewal; the lock lasts its time to live meanwhile
				logger.warn("Cannot renew the lock of {}: {}", this.key, ex.getMessage());
			}
		}

		@Override
		public void close() {
			this.renewal.cancel(false);
			try {
				this.lock.unlock();
			}
			catch (ConcurrentModificationException | IllegalStateException | DataAccessException ex) {
				logger.warn("Releasing the lock of {}: {}", this.key, ex.getMessage());
			}
		}

	}

}
