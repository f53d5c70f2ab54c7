package navsync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This navsync instance among those sharing the state store: an id, a heartbeat row in
 * {@code navsync_instance} (the database's clock, every {@link #HEARTBEAT}) and, on PostgreSQL, an
 * advisory lock keyed by the id that its own session holds for the instance's life. Another instance
 * is gone when its heartbeat is older than {@link #STALE_AFTER} or, on PostgreSQL, when its lock
 * can be taken (the session of a killed process ends at once, its heartbeat only goes stale).
 */
public final class Instances implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE_AFTER = HEARTBEAT.multipliedBy(3);

    private final UUID id = UUID.randomUUID();
    private final StateStore store;
    private final MappingLocks locks;
    private final ScheduledExecutorService heartbeat;
    private volatile MappingLocks.Held alive;

    Instances(StateStore store, MappingLocks locks) {
        this.store = store;
        this.locks = locks;
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO navsync_instance (id, host, started_at,"
                    + " heartbeat_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                ps.setObject(1, id);
                ps.setString(2, CouplingStore.truncate(host(), 255));
                ps.executeUpdate();
            }
            return null;
        });
        alive = locks.tryLock(MappingLocks.INSTANCE, id.toString()).orElseThrow(() ->
                new IllegalStateException("State store: the lock of new instance " + id + " is taken"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "navsync-instance-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This instance's id, recorded with the jobs it runs. */
    public UUID id() {
        return id;
    }

    private void beat() {
        try {
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE navsync_instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
                return null;
            });
            if (!alive.isHeld()) {
                // its session ended (the server restarted, the connection was cut): others would think this instance gone
                alive.close();
                Optional<MappingLocks.Held> again = locks.tryLock(MappingLocks.INSTANCE, id.toString());
                again.ifPresent(lock -> alive = lock);
                LOG.warn("navsync instance {}: the session holding its instance lock had ended; {}", id,
                        again.isPresent() ? "taken again" : "not taken again (tried at the next heartbeat)");
            }
        } catch (RuntimeException e) {
            LOG.warn("navsync instance {}: heartbeat failed: {}", id, e.getMessage());
        }
    }

    /**
     * Whether the instance that ran a job is gone: an unknown one (its row removed), another instance
     * of a store that serves one (H2), a heartbeat older than {@link #STALE_AFTER} at {@code now} (both
     * the database's clock), or its lock free.
     */
    boolean isGone(UUID instance, OffsetDateTime heartbeatAt, OffsetDateTime now) {
        if (id.equals(instance)) {
            return false;
        }
        if (heartbeatAt == null || !store.isShared() || heartbeatAt.isBefore(now.minus(STALE_AFTER))) {
            return true;
        }
        Optional<MappingLocks.Held> free = locks.tryLock(MappingLocks.INSTANCE, instance.toString());
        free.ifPresent(MappingLocks.Held::close);
        return free.isPresent();
    }

    /** Removes the rows of instances found gone. */
    static void forget(Connection c, Iterable<UUID> gone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM navsync_instance WHERE id = ?")) {
            for (UUID instance : gone) {
                ps.setObject(1, instance);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The process, as an operator finds it: its pid and the host's name (from the environment, no DNS lookup). */
    private static String host() {
        String host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", "unknown"));
        return ProcessHandle.current().pid() + "@" + host;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            store.inTransaction(c -> {
                forget(c, List.of(id));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("navsync instance {}: could not remove its row: {}", id, e.getMessage());
        }
        alive.close();
    }
}
