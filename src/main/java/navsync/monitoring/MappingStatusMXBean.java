package navsync.monitoring;

/** A mapping as JMX shows it (Hawtio's JMX tab, Jolokia): couplings and the last job per direction. */
public interface MappingStatusMXBean {

    String getDirection();

    int getCouplings();

    String getLastJobToIntegrationTable();

    String getLastJobFromIntegrationTable();

    /** Starts the passes the mapping allows, NAV -> Sales first; returns the first job's id. */
    String synchronize();
}
