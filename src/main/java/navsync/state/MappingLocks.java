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
 * connection when the run ends or its process dies. An H2 store serves a single instance, whose
 * in-process bookkeeping ({@code SynchronizationJobs}) is enough.
 */
public abstract class MappingLocks {

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Locks the mapping for this instance, or empty when another instance holds it. */
    public abstract Optional<Held> tryLock(String mapping);

    static final MappingLocks IN_PROCESS = new MappingLocks() {
        @Override
        public Optional<Held> tryLock(String mapping) {
            return Optional.of(() -> { });
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
            public Optional<Held> tryLock(String mapping) {
                Connection c = null;
                try {
                    c = DriverManager.getConnection(jdbcUrl, login);
                    boolean locked;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT pg_try_advisory_lock(hashtext('navsync.mapping'), hashtext(current_schema() || '/' || ?))")) {
                        ps.setString(1, mapping);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            locked = rs.getBoolean(1);
                        }
                    }
                    if (!locked) {
                        c.close();
                        return Optional.empty();
                    }
                    Connection held = c;
                    return Optional.of(() -> {
                        try {
                            held.close(); // ends the session: PostgreSQL releases its advisory locks
                        } catch (SQLException e) {
                            // the server side session is gone either way
                        }
                    });
                } catch (SQLException e) {
                    if (c != null) {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // reporting the first failure
                        }
                    }
                    throw new StateStoreException("State store: cannot lock mapping " + mapping + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
