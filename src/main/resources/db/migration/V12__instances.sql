-- navsync instances sharing the state store. A job belongs to the instance that runs it, so that a
-- starting instance marks as interrupted only the jobs of instances that are gone: a heartbeat that
-- stopped, or (PostgreSQL) an instance lock that its session no longer holds.
CREATE TABLE navsync_instance (
    id           UUID         NOT NULL,
    host         VARCHAR(255) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT navsync_instance_pk PRIMARY KEY (id)
);
ALTER TABLE sync_job ADD COLUMN instance_id UUID;
