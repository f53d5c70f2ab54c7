-- The demo NAV company's tables, as NAV 2018 / Business Central on-premises lays them out in SQL:
--   table  [<company>$<table>], column = NAV field name with . / \ ' " % [ ] replaced by _ ;
--   every column NOT NULL with NAV's blank as default: '' for Text/Code, 0 for numbers, Options and
--   Booleans, 1753-01-01 for Date and DateTime;
--   Code[n] = NVARCHAR(n), upper case (the CHECKs are the demo's guard; NAV's runtime does it; they
--   compare bytes, since text compares ignoring case here as under SQL Server's default collation);
--   Text[n] = NVARCHAR(n); DateFormula = VARCHAR(32); Option = INT; Boolean = TINYINT; Decimal = DECIMAL(38,20);
--   Date = DATE here (SQL Server NAV stores Date fields as datetime at 00:00:00); DateTime = DATETIME.
--   Field lengths are Business Central's (Name Text[100], ...).
--
-- Every table also has what the platform adds:
--   [timestamp]         rowversion (binary(8) on SQL Server; BIGINT here): a new value from the one
--                       database-wide sequence [$rowversion] on every insert (column default) and every
--                       update (RowVersionTrigger; H2's ON UPDATE clause skips same-value updates);
--   [$systemId]         stable GUID per record (BC 15+), unique;
--   [$systemCreatedAt], [$systemModifiedAt]  UTC (BC 15+); modified-at is set by RowVersionTrigger.
-- Beyond stock NAV: an index on [timestamp] per table, which navsync's incremental reads want
-- (a DBA adds it on SQL Server).
--
-- ${company} is the company name in SQL form (e.g. CRONUS International Ltd_). Idempotent: IF NOT EXISTS.

CREATE SEQUENCE IF NOT EXISTS [$rowversion] START WITH 1;

-- table 18 Customer
CREATE TABLE IF NOT EXISTS [${company}$Customer] (
  [timestamp]                BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [No_]                      NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_] AS VARBINARY) = CAST(UPPER([No_]) AS VARBINARY)),
  [Name]                     NVARCHAR(100)    NOT NULL DEFAULT '',
  [Search Name]              NVARCHAR(100)    NOT NULL DEFAULT '' CHECK (CAST([Search Name] AS VARBINARY) = CAST(UPPER([Search Name]) AS VARBINARY)),
  [Name 2]                   NVARCHAR(50)     NOT NULL DEFAULT '',
  [Address]                  NVARCHAR(100)    NOT NULL DEFAULT '',
  [Address 2]                NVARCHAR(50)     NOT NULL DEFAULT '',
  [City]                     NVARCHAR(30)     NOT NULL DEFAULT '',
  [Contact]                  NVARCHAR(100)    NOT NULL DEFAULT '',
  [Phone No_]                NVARCHAR(30)     NOT NULL DEFAULT '',
  [Our Account No_]          NVARCHAR(20)     NOT NULL DEFAULT '',
  [Territory Code]           NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Territory Code] AS VARBINARY) = CAST(UPPER([Territory Code]) AS VARBINARY)),
  [Global Dimension 1 Code]  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Global Dimension 1 Code] AS VARBINARY) = CAST(UPPER([Global Dimension 1 Code]) AS VARBINARY)),
  [Global Dimension 2 Code]  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Global Dimension 2 Code] AS VARBINARY) = CAST(UPPER([Global Dimension 2 Code]) AS VARBINARY)),
  [Credit Limit (LCY)]       DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Customer Posting Group]   NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Customer Posting Group] AS VARBINARY) = CAST(UPPER([Customer Posting Group]) AS VARBINARY)),
  [Currency Code]            NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Currency Code] AS VARBINARY) = CAST(UPPER([Currency Code]) AS VARBINARY)),
  [Customer Price Group]     NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Customer Price Group] AS VARBINARY) = CAST(UPPER([Customer Price Group]) AS VARBINARY)),
  [Language Code]            NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Language Code] AS VARBINARY) = CAST(UPPER([Language Code]) AS VARBINARY)),
  [Payment Terms Code]       NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Payment Terms Code] AS VARBINARY) = CAST(UPPER([Payment Terms Code]) AS VARBINARY)),
  [Salesperson Code]         NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Salesperson Code] AS VARBINARY) = CAST(UPPER([Salesperson Code]) AS VARBINARY)),
  [Shipment Method Code]     NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Shipment Method Code] AS VARBINARY) = CAST(UPPER([Shipment Method Code]) AS VARBINARY)),
  [Shipping Agent Code]      NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Shipping Agent Code] AS VARBINARY) = CAST(UPPER([Shipping Agent Code]) AS VARBINARY)),
  [Country_Region Code]      NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Country_Region Code] AS VARBINARY) = CAST(UPPER([Country_Region Code]) AS VARBINARY)),
  [Blocked]                  INT              NOT NULL DEFAULT 0,  -- 0 ' ', 1 Ship, 2 Invoice, 3 All
  [Bill-to Customer No_]     NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Bill-to Customer No_] AS VARBINARY) = CAST(UPPER([Bill-to Customer No_]) AS VARBINARY)),
  [Last Date Modified]       DATE             NOT NULL DEFAULT '1753-01-01',
  [Fax No_]                  NVARCHAR(30)     NOT NULL DEFAULT '',
  [VAT Registration No_]     NVARCHAR(20)     NOT NULL DEFAULT '',
  [Gen_ Bus_ Posting Group]  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Gen_ Bus_ Posting Group] AS VARBINARY) = CAST(UPPER([Gen_ Bus_ Posting Group]) AS VARBINARY)),
  [Post Code]                NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Post Code] AS VARBINARY) = CAST(UPPER([Post Code]) AS VARBINARY)),
  [County]                   NVARCHAR(30)     NOT NULL DEFAULT '',
  [E-Mail]                   NVARCHAR(80)     NOT NULL DEFAULT '',
  [Home Page]                NVARCHAR(80)     NOT NULL DEFAULT '',
  [No_ Series]               NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_ Series] AS VARBINARY) = CAST(UPPER([No_ Series]) AS VARBINARY)),
  [VAT Bus_ Posting Group]   NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([VAT Bus_ Posting Group] AS VARBINARY) = CAST(UPPER([VAT Bus_ Posting Group]) AS VARBINARY)),
  [Prices Including VAT]     TINYINT          NOT NULL DEFAULT 0,
  [Privacy Blocked]          TINYINT          NOT NULL DEFAULT 0,
  [Location Code]            NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Location Code] AS VARBINARY) = CAST(UPPER([Location Code]) AS VARBINARY)),
  [Primary Contact No_]      NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Primary Contact No_] AS VARBINARY) = CAST(UPPER([Primary Contact No_]) AS VARBINARY)),
  [Mobile Phone No_]         NVARCHAR(30)     NOT NULL DEFAULT '',
  [Last Modified Date Time]  DATETIME         NOT NULL DEFAULT '1753-01-01 00:00:00',
  [$systemId]                UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]         DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]        DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Customer$0] PRIMARY KEY ([No_])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Customer$$systemId] ON [${company}$Customer] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Customer$timestamp] ON [${company}$Customer] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Customer$rowversion] BEFORE UPDATE ON [${company}$Customer]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 5050 Contact
CREATE TABLE IF NOT EXISTS [${company}$Contact] (
  [timestamp]                  BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [No_]                        NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_] AS VARBINARY) = CAST(UPPER([No_]) AS VARBINARY)),
  [Name]                       NVARCHAR(100)    NOT NULL DEFAULT '',
  [Search Name]                NVARCHAR(100)    NOT NULL DEFAULT '' CHECK (CAST([Search Name] AS VARBINARY) = CAST(UPPER([Search Name]) AS VARBINARY)),
  [Name 2]                     NVARCHAR(50)     NOT NULL DEFAULT '',
  [Address]                    NVARCHAR(100)    NOT NULL DEFAULT '',
  [Address 2]                  NVARCHAR(50)     NOT NULL DEFAULT '',
  [City]                       NVARCHAR(30)     NOT NULL DEFAULT '',
  [Phone No_]                  NVARCHAR(30)     NOT NULL DEFAULT '',
  [Territory Code]             NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Territory Code] AS VARBINARY) = CAST(UPPER([Territory Code]) AS VARBINARY)),
  [Currency Code]              NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Currency Code] AS VARBINARY) = CAST(UPPER([Currency Code]) AS VARBINARY)),
  [Language Code]              NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Language Code] AS VARBINARY) = CAST(UPPER([Language Code]) AS VARBINARY)),
  [Salesperson Code]           NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Salesperson Code] AS VARBINARY) = CAST(UPPER([Salesperson Code]) AS VARBINARY)),
  [Country_Region Code]        NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Country_Region Code] AS VARBINARY) = CAST(UPPER([Country_Region Code]) AS VARBINARY)),
  [Last Date Modified]         DATE             NOT NULL DEFAULT '1753-01-01',
  [Fax No_]                    NVARCHAR(30)     NOT NULL DEFAULT '',
  [VAT Registration No_]       NVARCHAR(20)     NOT NULL DEFAULT '',
  [Post Code]                  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Post Code] AS VARBINARY) = CAST(UPPER([Post Code]) AS VARBINARY)),
  [County]                     NVARCHAR(30)     NOT NULL DEFAULT '',
  [E-Mail]                     NVARCHAR(80)     NOT NULL DEFAULT '',
  [Home Page]                  NVARCHAR(80)     NOT NULL DEFAULT '',
  [No_ Series]                 NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_ Series] AS VARBINARY) = CAST(UPPER([No_ Series]) AS VARBINARY)),
  [Privacy Blocked]            TINYINT          NOT NULL DEFAULT 0,
  [Minor]                      TINYINT          NOT NULL DEFAULT 0,
  [Type]                       INT              NOT NULL DEFAULT 0,  -- 0 Company, 1 Person
  [Company No_]                NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Company No_] AS VARBINARY) = CAST(UPPER([Company No_]) AS VARBINARY)),
  [Company Name]               NVARCHAR(100)    NOT NULL DEFAULT '',
  [Lookup Contact No_]         NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Lookup Contact No_] AS VARBINARY) = CAST(UPPER([Lookup Contact No_]) AS VARBINARY)),
  [First Name]                 NVARCHAR(30)     NOT NULL DEFAULT '',
  [Middle Name]                NVARCHAR(30)     NOT NULL DEFAULT '',
  [Surname]                    NVARCHAR(30)     NOT NULL DEFAULT '',
  [Job Title]                  NVARCHAR(30)     NOT NULL DEFAULT '',
  [Initials]                   NVARCHAR(30)     NOT NULL DEFAULT '',
  [Extension No_]              NVARCHAR(30)     NOT NULL DEFAULT '',
  [Mobile Phone No_]           NVARCHAR(30)     NOT NULL DEFAULT '',
  [Pager]                      NVARCHAR(30)     NOT NULL DEFAULT '',
  [Organizational Level Code]  NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Organizational Level Code] AS VARBINARY) = CAST(UPPER([Organizational Level Code]) AS VARBINARY)),
  [Exclude from Segment]       TINYINT          NOT NULL DEFAULT 0,
  [Salutation Code]            NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Salutation Code] AS VARBINARY) = CAST(UPPER([Salutation Code]) AS VARBINARY)),
  [E-Mail 2]                   NVARCHAR(80)     NOT NULL DEFAULT '',
  [Last Date Time Modified]    DATETIME         NOT NULL DEFAULT '1753-01-01 00:00:00',
  [$systemId]                  UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]           DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]          DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Contact$0] PRIMARY KEY ([No_])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Contact$$systemId] ON [${company}$Contact] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Contact$timestamp] ON [${company}$Contact] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Contact$rowversion] BEFORE UPDATE ON [${company}$Contact]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 5054 Contact Business Relation
CREATE TABLE IF NOT EXISTS [${company}$Contact Business Relation] (
  [timestamp]               BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [Contact No_]             NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Contact No_] AS VARBINARY) = CAST(UPPER([Contact No_]) AS VARBINARY)),
  [Business Relation Code]  NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Business Relation Code] AS VARBINARY) = CAST(UPPER([Business Relation Code]) AS VARBINARY)),
  [Link to Table]           INT              NOT NULL DEFAULT 0,  -- 0 ' ', 1 Customer, 2 Vendor, 3 Bank Account, 4 Employee
  [No_]                     NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_] AS VARBINARY) = CAST(UPPER([No_]) AS VARBINARY)),
  [$systemId]               UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]        DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]       DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Contact Business Relation$0] PRIMARY KEY ([Contact No_], [Business Relation Code])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Contact Business Relation$$systemId] ON [${company}$Contact Business Relation] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Contact Business Relation$timestamp] ON [${company}$Contact Business Relation] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Contact Business Relation$rowversion] BEFORE UPDATE ON [${company}$Contact Business Relation]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 13 Salesperson/Purchaser
CREATE TABLE IF NOT EXISTS [${company}$Salesperson_Purchaser] (
  [timestamp]                BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [Code]                     NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Code] AS VARBINARY) = CAST(UPPER([Code]) AS VARBINARY)),
  [Name]                     NVARCHAR(50)     NOT NULL DEFAULT '',
  [Commission _]             DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Global Dimension 1 Code]  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Global Dimension 1 Code] AS VARBINARY) = CAST(UPPER([Global Dimension 1 Code]) AS VARBINARY)),
  [Global Dimension 2 Code]  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Global Dimension 2 Code] AS VARBINARY) = CAST(UPPER([Global Dimension 2 Code]) AS VARBINARY)),
  [E-Mail]                   NVARCHAR(80)     NOT NULL DEFAULT '',
  [Phone No_]                NVARCHAR(30)     NOT NULL DEFAULT '',
  [Job Title]                NVARCHAR(30)     NOT NULL DEFAULT '',
  [Search E-Mail]            NVARCHAR(80)     NOT NULL DEFAULT '' CHECK (CAST([Search E-Mail] AS VARBINARY) = CAST(UPPER([Search E-Mail]) AS VARBINARY)),
  [E-Mail 2]                 NVARCHAR(80)     NOT NULL DEFAULT '',
  [Privacy Blocked]          TINYINT          NOT NULL DEFAULT 0,
  [Blocked]                  TINYINT          NOT NULL DEFAULT 0,
  [$systemId]                UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]         DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]        DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Salesperson_Purchaser$0] PRIMARY KEY ([Code])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Salesperson_Purchaser$$systemId] ON [${company}$Salesperson_Purchaser] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Salesperson_Purchaser$timestamp] ON [${company}$Salesperson_Purchaser] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Salesperson_Purchaser$rowversion] BEFORE UPDATE ON [${company}$Salesperson_Purchaser]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 4 Currency
CREATE TABLE IF NOT EXISTS [${company}$Currency] (
  [timestamp]                       BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [Code]                            NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Code] AS VARBINARY) = CAST(UPPER([Code]) AS VARBINARY)),
  [Last Date Modified]              DATE             NOT NULL DEFAULT '1753-01-01',
  [Last Date Adjusted]              DATE             NOT NULL DEFAULT '1753-01-01',
  [ISO Code]                        NVARCHAR(3)      NOT NULL DEFAULT '' CHECK (CAST([ISO Code] AS VARBINARY) = CAST(UPPER([ISO Code]) AS VARBINARY)),
  [ISO Numeric Code]                NVARCHAR(3)      NOT NULL DEFAULT '' CHECK (CAST([ISO Numeric Code] AS VARBINARY) = CAST(UPPER([ISO Numeric Code]) AS VARBINARY)),
  [Unrealized Gains Acc_]           NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Unrealized Gains Acc_] AS VARBINARY) = CAST(UPPER([Unrealized Gains Acc_]) AS VARBINARY)),
  [Realized Gains Acc_]             NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Realized Gains Acc_] AS VARBINARY) = CAST(UPPER([Realized Gains Acc_]) AS VARBINARY)),
  [Unrealized Losses Acc_]          NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Unrealized Losses Acc_] AS VARBINARY) = CAST(UPPER([Unrealized Losses Acc_]) AS VARBINARY)),
  [Realized Losses Acc_]            NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Realized Losses Acc_] AS VARBINARY) = CAST(UPPER([Realized Losses Acc_]) AS VARBINARY)),
  [Invoice Rounding Precision]      DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Invoice Rounding Type]           INT              NOT NULL DEFAULT 0,  -- 0 Nearest, 1 Up, 2 Down
  [Amount Rounding Precision]       DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Unit-Amount Rounding Precision]  DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Description]                     NVARCHAR(30)     NOT NULL DEFAULT '',
  [Amount Decimal Places]           NVARCHAR(5)      NOT NULL DEFAULT '',
  [Unit-Amount Decimal Places]      NVARCHAR(5)      NOT NULL DEFAULT '',
  [EMU Currency]                    TINYINT          NOT NULL DEFAULT 0,
  [Currency Factor]                 DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Symbol]                          NVARCHAR(10)     NOT NULL DEFAULT '',
  [$systemId]                       UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]                DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]               DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Currency$0] PRIMARY KEY ([Code])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Currency$$systemId] ON [${company}$Currency] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Currency$timestamp] ON [${company}$Currency] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Currency$rowversion] BEFORE UPDATE ON [${company}$Currency]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 27 Item
CREATE TABLE IF NOT EXISTS [${company}$Item] (
  [timestamp]                 BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [No_]                       NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_] AS VARBINARY) = CAST(UPPER([No_]) AS VARBINARY)),
  [No_ 2]                     NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([No_ 2] AS VARBINARY) = CAST(UPPER([No_ 2]) AS VARBINARY)),
  [Description]               NVARCHAR(100)    NOT NULL DEFAULT '',
  [Search Description]        NVARCHAR(100)    NOT NULL DEFAULT '' CHECK (CAST([Search Description] AS VARBINARY) = CAST(UPPER([Search Description]) AS VARBINARY)),
  [Description 2]             NVARCHAR(50)     NOT NULL DEFAULT '',
  [Base Unit of Measure]      NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Base Unit of Measure] AS VARBINARY) = CAST(UPPER([Base Unit of Measure]) AS VARBINARY)),
  [Type]                      INT              NOT NULL DEFAULT 0,  -- 0 Inventory, 1 Service, 2 Non-Inventory
  [Inventory Posting Group]   NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Inventory Posting Group] AS VARBINARY) = CAST(UPPER([Inventory Posting Group]) AS VARBINARY)),
  [Item Disc_ Group]          NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Item Disc_ Group] AS VARBINARY) = CAST(UPPER([Item Disc_ Group]) AS VARBINARY)),
  [Unit Price]                DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Price_Profit Calculation]  INT              NOT NULL DEFAULT 0,  -- 0 Profit=Price-Cost, 1 Price=Cost+Profit, 2 No Relationship
  [Profit _]                  DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Costing Method]            INT              NOT NULL DEFAULT 0,  -- 0 FIFO, 1 LIFO, 2 Specific, 3 Average, 4 Standard
  [Unit Cost]                 DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Standard Cost]             DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Last Direct Cost]          DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Vendor No_]                NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Vendor No_] AS VARBINARY) = CAST(UPPER([Vendor No_]) AS VARBINARY)),
  [Vendor Item No_]           NVARCHAR(50)     NOT NULL DEFAULT '',
  [Lead Time Calculation]     VARCHAR(32)      NOT NULL DEFAULT '',
  [Reorder Point]             DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Gross Weight]              DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Net Weight]                DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Units per Parcel]          DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Unit Volume]               DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Blocked]                   TINYINT          NOT NULL DEFAULT 0,
  [Last Date Modified]        DATE             NOT NULL DEFAULT '1753-01-01',
  [Gen_ Prod_ Posting Group]  NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Gen_ Prod_ Posting Group] AS VARBINARY) = CAST(UPPER([Gen_ Prod_ Posting Group]) AS VARBINARY)),
  [VAT Prod_ Posting Group]   NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([VAT Prod_ Posting Group] AS VARBINARY) = CAST(UPPER([VAT Prod_ Posting Group]) AS VARBINARY)),
  [Sales Unit of Measure]     NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Sales Unit of Measure] AS VARBINARY) = CAST(UPPER([Sales Unit of Measure]) AS VARBINARY)),
  [Purch_ Unit of Measure]    NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Purch_ Unit of Measure] AS VARBINARY) = CAST(UPPER([Purch_ Unit of Measure]) AS VARBINARY)),
  [Item Category Code]        NVARCHAR(20)     NOT NULL DEFAULT '' CHECK (CAST([Item Category Code] AS VARBINARY) = CAST(UPPER([Item Category Code]) AS VARBINARY)),
  [Sales Blocked]             TINYINT          NOT NULL DEFAULT 0,
  [Purchasing Blocked]        TINYINT          NOT NULL DEFAULT 0,
  [Last DateTime Modified]    DATETIME         NOT NULL DEFAULT '1753-01-01 00:00:00',
  [$systemId]                 UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]          DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]         DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Item$0] PRIMARY KEY ([No_])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Item$$systemId] ON [${company}$Item] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Item$timestamp] ON [${company}$Item] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Item$rowversion] BEFORE UPDATE ON [${company}$Item]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 3 Payment Terms
CREATE TABLE IF NOT EXISTS [${company}$Payment Terms] (
  [timestamp]                      BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [Code]                           NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Code] AS VARBINARY) = CAST(UPPER([Code]) AS VARBINARY)),
  [Due Date Calculation]           VARCHAR(32)      NOT NULL DEFAULT '',
  [Discount Date Calculation]      VARCHAR(32)      NOT NULL DEFAULT '',
  [Discount _]                     DECIMAL(38,20)   NOT NULL DEFAULT 0,
  [Description]                    NVARCHAR(100)    NOT NULL DEFAULT '',
  [Calc_ Pmt_ Disc_ on Cr_ Memos]  TINYINT          NOT NULL DEFAULT 0,
  [Last Modified Date Time]        DATETIME         NOT NULL DEFAULT '1753-01-01 00:00:00',
  [$systemId]                      UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]               DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]              DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Payment Terms$0] PRIMARY KEY ([Code])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Payment Terms$$systemId] ON [${company}$Payment Terms] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Payment Terms$timestamp] ON [${company}$Payment Terms] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Payment Terms$rowversion] BEFORE UPDATE ON [${company}$Payment Terms]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 10 Shipment Method
CREATE TABLE IF NOT EXISTS [${company}$Shipment Method] (
  [timestamp]                BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [Code]                     NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Code] AS VARBINARY) = CAST(UPPER([Code]) AS VARBINARY)),
  [Description]              NVARCHAR(100)    NOT NULL DEFAULT '',
  [Last Modified Date Time]  DATETIME         NOT NULL DEFAULT '1753-01-01 00:00:00',
  [$systemId]                UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]         DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]        DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Shipment Method$0] PRIMARY KEY ([Code])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Shipment Method$$systemId] ON [${company}$Shipment Method] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Shipment Method$timestamp] ON [${company}$Shipment Method] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Shipment Method$rowversion] BEFORE UPDATE ON [${company}$Shipment Method]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';

-- table 291 Shipping Agent
CREATE TABLE IF NOT EXISTS [${company}$Shipping Agent] (
  [timestamp]                BIGINT           NOT NULL DEFAULT NEXT VALUE FOR [$rowversion],
  [Code]                     NVARCHAR(10)     NOT NULL DEFAULT '' CHECK (CAST([Code] AS VARBINARY) = CAST(UPPER([Code]) AS VARBINARY)),
  [Name]                     NVARCHAR(50)     NOT NULL DEFAULT '',
  [Internet Address]         NVARCHAR(250)    NOT NULL DEFAULT '',
  [Account No_]              NVARCHAR(30)     NOT NULL DEFAULT '',
  [Last Modified Date Time]  DATETIME         NOT NULL DEFAULT '1753-01-01 00:00:00',
  [$systemId]                UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
  [$systemCreatedAt]         DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  [$systemModifiedAt]        DATETIME2        NOT NULL DEFAULT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATETIME2),
  CONSTRAINT [${company}$Shipping Agent$0] PRIMARY KEY ([Code])
);
CREATE UNIQUE INDEX IF NOT EXISTS [${company}$Shipping Agent$$systemId] ON [${company}$Shipping Agent] ([$systemId]);
CREATE INDEX IF NOT EXISTS [${company}$Shipping Agent$timestamp] ON [${company}$Shipping Agent] ([timestamp]);
CREATE TRIGGER IF NOT EXISTS [${company}$Shipping Agent$rowversion] BEFORE UPDATE ON [${company}$Shipping Agent]
  FOR EACH ROW CALL 'navsync.nav.demo.RowVersionTrigger';
