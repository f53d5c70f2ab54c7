package navsync.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A mapping runs on one navsync instance at a time. On PostgreSQL (several instances may share the
 * store) a run holds a session-level advisory lock, keyed by the store's schema and the mapping name,
 * on a connection of its own: another instance's attempt fails at once, and the lock goes with the
 * connection when the run ends or its process dies. A run checks that it still holds the lock before
 * each write ({@link Held#isHeld}): a lock whose connection died is free for another instance, so the
 * run stops. An H2 store serves a single instance, whose in-process bookkeeping
 * ({@code SynchronizationJobs}) is enough. The same kind of lock, keyed by an instance id, shows that
 * an instance is alive ({@link Instances}).
 */
public abstract class MappingLocks {

    /** Advisory lock namespaces: a mapping's runs, an instance's life. */
    static final String MAPPING = "navsync.mapping";
    static final String INSTANCE = "navsync.instance";

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        /** Whether the lock is still held: on PostgreSQL, its session is alive and holds it. */
        boolean isHeld();

        @Override
        void close();
    }

    /** Locks the mapping for this instance, or empty when another instance holds it. */
    public Optional<Held> tryLock(String mapping) {
        return tryLock(MAPPING, mapping);
    }

    abstract Optional<Held> tryLock(String namespace, String name);

    static final MappingLocks IN_PROCESS = new MappingLocks() {
        @Override
        Optional<Held> tryLock(String namespace, String name) {
            return Optional.of(new Held() {
                @Override
                public boolean isHeld() {
                    return true;
                }

                @Override
                public void close() {
                    // nothing held beyond this process
                }
            });
        }
    };

    static MappingLocks postgres(String jdbcUrl, String user, String password) {
        Properties login = new Properties();
        if (user != null && !user.isEmpty()) {
            login.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            login.setProperty("password", password);
        }
        login.setProperty("ApplicationName", "navsync mapping lock");
        return new MappingLocks() {
            @Override
            Optional<Held> tryLock(String namespace, String name) {
                Connection c = null;
                try {
                    c = DriverManager.getConnection(jdbcUrl, login);
                    boolean locked;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT pg_try_advisory_lock(hashtext(?), hashtext(current_schema() || '/' || ?))")) {
                        ps.setString(1, namespace);
                        ps.setString(2, name);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            locked = rs.getBoolean(1);
                        }
                    }
                    if (!locked) {
                        c.close();
                        return Optional.empty();
                    }
                    return Optional.of(new SessionLock(c, namespace, name));
                } catch (SQLException e) {
                    if (c != null) {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // reporting the first failure
                        }
                    }
                    throw new StateStoreException("State store: cannot lock " + name + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** A session-level advisory lock and the connection whose session holds it. */
    private static final class SessionLock implements Held {

        private static final int CHECK_TIMEOUT_SECONDS = 10;

        private final Connection session;
        private final String namespace;
        private final String name;

        SessionLock(Connection session, String namespace, String name) {
            this.session = session;
            this.namespace = namespace;
            this.name = name;
        }

        @Override
        public synchronized boolean isHeld() { // parallel batches of a pass check one session
            try (PreparedStatement ps = session.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid = pg_backend_pid() AND granted AND classid = hashtext(?)::oid"
                    + " AND objid = hashtext(current_schema() || '/' || ?)::oid AND objsubid = 2")) {
                ps.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
                ps.setString(1, namespace);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            } catch (SQLException e) {
                return false; // the session is gone (terminated, connection lost), and its locks with it
            }
        }

        @Override
        public synchronized void close() {
            // unlocked first: the session's end releases it too, but only once the server notices the closed connection
            try (PreparedStatement ps = session.prepareStatement(
                    "SELECT pg_advisory_unlock(hashtext(?), hashtext(current_schema() || '/' || ?))")) {
                ps.setString(1, namespace);
                ps.setString(2, name);
                ps.execute();
            } catch (SQLException e) {
                // the session is gone, and its locks with it
            }
            try {
                session.close();
            } catch (SQLException e) {
                // the server side session is gone either way
            }
        }
    }
}
