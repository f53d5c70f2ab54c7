-- The records a manual job runs for (Synchronize Now, Create in Sales / from Sales, Restore, the
-- creation after a match-based coupling), kept while it runs: a job cut off by a crash leaves its
-- rows, and the next start resumes it over the same records. Parts of at most 1,000 records.
-- records: one NAV key or Sales id per line.
CREATE TABLE job_selection (
    job_id       UUID        NOT NULL,
    part         INTEGER     NOT NULL,
    mapping_name VARCHAR(20) NOT NULL,
    direction    VARCHAR(24) NOT NULL,
    kind         VARCHAR(12) NOT NULL,
    records      VARCHAR     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT job_selection_pk PRIMARY KEY (job_id, part)
);
