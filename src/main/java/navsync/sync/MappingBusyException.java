package navsync.sync;

import java.util.UUID;

/** A mapping never runs twice at once: a request while one of its jobs runs is refused. */
public final class MappingBusyException extends RuntimeException {

    private final UUID runningJob;

    public MappingBusyException(String mapping, UUID runningJob) {
        this(runningJob, "mapping " + mapping + " is already synchronizing (job " + runningJob + ")");
    }

    private MappingBusyException(UUID runningJob, String message) {
        super(message);
        this.runningJob = runningJob;
    }

    /** Another navsync instance sharing the state store runs the mapping (its job, when known). */
    public static MappingBusyException elsewhere(String mapping, UUID runningJob) {
        return new MappingBusyException(runningJob, "mapping " + mapping
                + " is already synchronizing on another navsync instance" + (runningJob == null ? "" : " (job " + runningJob + ")"));
    }

    public UUID runningJob() {
        return runningJob;
    }
}
