-- Synchronization status and retention: indexes for the queries of the status API and the cleanup.

-- jobs filtered by time (status API) and by age (retention)
CREATE INDEX sync_job_started_ix ON sync_job (started_at);
-- the last job of a mapping per direction (status summary), jobs filtered by mapping and direction
CREATE INDEX sync_job_mapping_direction_ix ON sync_job (mapping_name, direction, started_at);
-- errors by age (retention)
CREATE INDEX sync_job_error_created_ix ON sync_job_error (created_at);
-- retention keeps the jobs a skipped coupling refers to
CREATE INDEX coupling_to_job_ix ON coupling (to_job_id);
CREATE INDEX coupling_from_job_ix ON coupling (from_job_id);
-- skipped couplings of a mapping (status counters, error list, retry all)
CREATE INDEX coupling_skipped_ix ON coupling (mapping_name, skipped);
