package navsync.monitoring;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationService;

/**
 * One MBean per mapping, {@code navsync:type=mappings,name=<MAPPING>}, beside Camel's own: read from
 * the state store when asked, so it always shows what the REST API shows.
 */
public final class MappingStatus implements MappingStatusMXBean {

    private final IntegrationTableMapping mapping;
    private final StateStore store;
    private final SynchronizationService synchronization;

    private MappingStatus(IntegrationTableMapping mapping, StateStore store, SynchronizationService synchronization) {
        this.mapping = mapping;
        this.store = store;
        this.synchronization = synchronization;
    }

    /** Registers every mapping's MBean; returns what unregisters them. */
    public static AutoCloseable registerAll(Mappings mappings, StateStore store, SynchronizationService synchronization)
            throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        java.util.List<ObjectName> names = new java.util.ArrayList<>();
        for (IntegrationTableMapping mapping : mappings.all()) {
            ObjectName name = new ObjectName("navsync:type=mappings,name=" + ObjectName.quote(mapping.name()));
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // a previous instance in the same JVM (tests)
            }
            server.registerMBean(new MappingStatus(mapping, store, synchronization), name);
            names.add(name);
        }
        return () -> {
            for (ObjectName name : names) {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            }
        };
    }

    @Override
    public String getDirection() {
        return mapping.direction().name();
    }

    @Override
    public int getCouplings() {
        return store.couplings().count(mapping.name());
    }

    @Override
    public String getLastJobToIntegrationTable() {
        return lastJob("ToIntegrationTable");
    }

    @Override
    public String getLastJobFromIntegrationTable() {
        return lastJob("FromIntegrationTable");
    }

    @Override
    public String synchronize() {
        return synchronization.start(mapping.name(), null).jobId().toString();
    }

    private String lastJob(String direction) {
        return store.jobs().latest(mapping.name(), 20).stream().filter(j -> j.direction().equals(direction))
                .findFirst().map(SyncJob::message).orElse(null);
    }
}
