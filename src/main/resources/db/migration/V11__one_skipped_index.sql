-- Skipped couplings are rare: the index on the flag alone serves both the per-mapping listing of
-- skipped couplings and retention, so the (mapping_name, skipped) index only cost every new coupling
-- one more index write.
DROP INDEX coupling_skipped_ix;
