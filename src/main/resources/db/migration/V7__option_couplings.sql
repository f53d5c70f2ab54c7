-- A NAV record of an option mapping (Payment Terms, Shipment Method, Shipping Agent) paired with an
-- option of a Sales choice column (NAV's CRM Option Mapping, table 5334).
CREATE TABLE option_coupling (
    mapping_name  VARCHAR(20)  NOT NULL,
    nav_key       VARCHAR(250) NOT NULL,
    option_value  INTEGER      NOT NULL,
    option_label  VARCHAR(250) NOT NULL,
    synced_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT option_coupling_pk PRIMARY KEY (mapping_name, nav_key),
    -- an option is paired with at most one NAV record per mapping
    CONSTRAINT option_coupling_value_uq UNIQUE (mapping_name, option_value)
);
