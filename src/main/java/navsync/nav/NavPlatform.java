package navsync.nav;

import java.util.List;

/**
 * Which SQL naming the NAV database follows, chosen by {@code navsync.nav.platform}: C/SIDE-era NAV
 * and Business Central 13/14 name a company's table {@code [Company$Table]}; Business Central 15 and
 * later (AL) append the owning app's id, {@code [Company$Table$437dbf0e-84ff-417a-965d-ed2bb9650972]}
 * for the Base Application. Both keep the {@code timestamp} rowversion; the GUID of a record is
 * {@code $systemId} (BC 15+) or, on NAV 2018 / BC 13-14 tables that have one, the {@code Id} field.
 */
public enum NavPlatform {
    /** NAV 2013, 2015, 2016, 2017, 2018 and Business Central 13/14 on-premises. */
    nav,
    /** Business Central 15 and later on-premises. */
    bc;

    /** The app id of Microsoft's Base Application, which owns the standard tables from BC 15 on. */
    public static final String BASE_APPLICATION_ID = "437dbf0e-84ff-417a-965d-ed2bb9650972";

    /** Columns that hold a record's GUID, in order of preference; the first the table has is read. */
    public static final List<String> RECORD_ID_COLUMNS = List.of("$systemId", "Id");

    /** What follows {@code Company$Table} in a table name: nothing, or {@code $<app id>}. */
    public String tableSuffix(String appId) {
        return this == bc ? "$" + appId : "";
    }

    public static NavPlatform parse(String setting) {
        try {
            return valueOf(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("navsync.nav.platform must be nav (NAV 2013-2018, BC 13/14) or bc "
                    + "(Business Central 15 and later), got '" + setting + "'");
        }
    }
}
