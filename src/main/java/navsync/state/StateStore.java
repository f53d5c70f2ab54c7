package navsync.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * navsync's own database: couplings, watermarks, jobs and job errors. H2 (a file under the data
 * folder) by default, PostgreSQL in production; the schema comes from Flyway migrations in
 * {@code db/migration}.
 */
public final class StateStore implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final CouplingStore couplings;
    private final JobStore jobs;
    private final WatermarkStore watermarks;
    private final OptionCouplingStore optionCouplings;
    private final JobSelectionStore jobSelections;
    private final MappingLocks mappingLocks;
    private final Instances instances;

    private final boolean postgres;

    private StateStore(HikariDataSource dataSource, MappingLocks mappingLocks, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.mappingLocks = mappingLocks;
        this.couplings = new CouplingStore(this);
        this.jobs = new JobStore(this);
        this.watermarks = new WatermarkStore(this);
        this.optionCouplings = new OptionCouplingStore(this);
        this.jobSelections = new JobSelectionStore(this);
        this.instances = new Instances(this, mappingLocks);
    }

    /** Opens a pool on the database and brings its schema up to date. */
    public static StateStore open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("navsync-state");
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(config);
        boolean postgres = isPostgres(jdbcUrl);
        try {
            // db/postgresql: what only a shared (PostgreSQL) store needs, Quartz's clustered job store
            String[] locations = postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                    : new String[] {"classpath:db/migration"};
            Flyway.configure().dataSource(ds).locations(locations).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        try {
            return new StateStore(ds, postgres ? MappingLocks.postgres(jdbcUrl, user, password) : MappingLocks.IN_PROCESS,
                    postgres);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** A PostgreSQL store can be shared by several navsync instances (and their Quartz cluster). */
    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The store is PostgreSQL (otherwise H2): where the two need different SQL for the same query plan. */
    boolean postgres() {
        return postgres;
    }

    /** Several navsync instances may share this store (PostgreSQL), and with it their Quartz triggers. */
    public boolean isShared() {
        return mappingLocks != MappingLocks.IN_PROCESS;
    }

    /** Locks that keep a mapping from running on two instances sharing this store at once. */
    public MappingLocks mappingLocks() {
        return mappingLocks;
    }

    /** This navsync instance among those sharing the store: its id and heartbeat. */
    public Instances instances() {
        return instances;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public CouplingStore couplings() {
        return couplings;
    }

    public JobStore jobs() {
        return jobs;
    }

    public WatermarkStore watermarks() {
        return watermarks;
    }

    public OptionCouplingStore optionCouplings() {
        return optionCouplings;
    }

    /** The records of manual jobs while they run, to resume them after a crash. */
    public JobSelectionStore jobSelections() {
        return jobSelections;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateStoreException("State store: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        instances.close();
        dataSource.close();
    }
}
