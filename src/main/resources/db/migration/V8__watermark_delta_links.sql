-- A Sales -> NAV watermark can be a change-tracking @odata.deltaLink (a whole URL), and a mapping's
-- last deletion sweep is kept beside its watermarks (direction 'DeletionSweep').
ALTER TABLE watermark ALTER COLUMN watermark SET DATA TYPE VARCHAR(8000);
