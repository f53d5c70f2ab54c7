-- Counters of couplings made and removed by a job (NAV G3's Coupled / Uncoupled).
ALTER TABLE sync_job ADD COLUMN coupled INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_job ADD COLUMN uncoupled INTEGER DEFAULT 0 NOT NULL;
-- reverse lookups of couplings by Sales id (the Sales -> NAV pass, lookups through couplings)
CREATE INDEX coupling_sales_id_ix ON coupling (mapping_name, sales_id);
