package navsync.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import navsync.state.StateStore;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * With a shared (PostgreSQL) state store, the mappings' Quartz triggers live in it too: Quartz's
 * clustered JDBC job store (tables from migration {@code db/postgresql/V4__quartz.sql}) lets every
 * instance see the same triggers, and each firing is acquired by exactly one instance under Quartz's
 * row lock; an instance that stops checking in is taken over by the others. Instances must share the
 * Camel context name ({@code camel.main.name}), which names the scheduler in the tables.
 */
final class ClusteredSchedules {

    private ClusteredSchedules() {
    }

    static void configure(CamelContext camel, StateStore store, Settings settings) {
        // Quartz looks its data source up by name in a JVM-wide registry: one name per store
        String dataSource = "navsync-state-" + Integer.toHexString(System.identityHashCode(store));
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return store.dataSource().getConnection();
            }

            @Override
            public void shutdown() {
                // the state store closes its pool itself
            }

            @Override
            public void initialize() {
            }
        });
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "navsync");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        quartz.setProperty("org.quartz.threadPool.threadCount",
                Integer.toString(settings.integer("navsync.schedules.threads", 5)));
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSource);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Integer.toString(settings.integer("navsync.schedules.cluster-checkin-ms", 15000)));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        camel.getComponent("quartz", QuartzComponent.class).setProperties(quartz);
    }
}
