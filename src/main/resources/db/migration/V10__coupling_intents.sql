-- The new couplings of one batch, recorded as one row before the batch's writes (their Sales ids are
-- chosen here): the batch's commit inserts the couplings and deletes the row. A row left over by a
-- process that died mid-batch becomes pending couplings when the mapping's next job opens, so the
-- rerun writes under the same ids. One write per batch instead of one per new record.
-- couplings: one line per record, "<sales id>\t<NAV record id or empty>\t<NAV key>".
CREATE TABLE coupling_intent (
    id           UUID        NOT NULL,
    mapping_name VARCHAR(20) NOT NULL,
    couplings    VARCHAR     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT coupling_intent_pk PRIMARY KEY (id)
);
CREATE INDEX coupling_intent_mapping_ix ON coupling_intent (mapping_name);
