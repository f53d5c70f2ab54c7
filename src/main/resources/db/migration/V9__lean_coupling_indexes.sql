-- Every pass updates each coupling it touches; indexes on columns a pass rewrites cost it on every
-- record. The reverse lookup by Sales id has the unique constraint's index already, and retention
-- finds the jobs of skipped couplings through the (rarely changing) skipped flag instead of indexes
-- on the job ids, which change on every pass.
DROP INDEX coupling_sales_id_ix;
DROP INDEX coupling_to_job_ix;
DROP INDEX coupling_from_job_ix;
CREATE INDEX coupling_skipped_flag_ix ON coupling (skipped);
