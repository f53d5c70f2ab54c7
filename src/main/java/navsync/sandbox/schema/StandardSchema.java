package navsync.sandbox.schema;

import static navsync.sandbox.schema.Attribute.bool;
import static navsync.sandbox.schema.Attribute.dateOnly;
import static navsync.sandbox.schema.Attribute.dbl;
import static navsync.sandbox.schema.Attribute.decimal;
import static navsync.sandbox.schema.Attribute.guid;
import static navsync.sandbox.schema.Attribute.integer;
import static navsync.sandbox.schema.Attribute.lookup;
import static navsync.sandbox.schema.Attribute.memo;
import static navsync.sandbox.schema.Attribute.money;
import static navsync.sandbox.schema.Attribute.picklist;
import static navsync.sandbox.schema.Attribute.string;
import static navsync.sandbox.schema.RequiredLevel.APPLICATION_REQUIRED;
import static navsync.sandbox.schema.RequiredLevel.RECOMMENDED;
import static navsync.sandbox.schema.RequiredLevel.SYSTEM_REQUIRED;

import java.util.ArrayList;
import java.util.List;

/**
 * account, contact, systemuser, transactioncurrency and product, from section 10 of
 * {@code reference/dataverse-webapi.md} ([E-ACCOUNT], [E-CONTACT], [E-SYSUSER], [E-CURRENCY], [E-PRODUCT]).
 * Columns marked "beyond the reference" are standard columns the NAV default mappings use
 * (reference/nav-integration.md section 6); their lengths/options are from the standard schema as remembered
 * (inference) and may differ per environment, as the reference notes for all lengths.
 */
public final class StandardSchema {
    private StandardSchema() {
    }

    /** Money range used by the standard money columns: 0 .. 100,000,000,000,000, precision 2 [E-ACCOUNT]. */
    private static final String MONEY_MAX = "100000000000000";

    public static Schema create() {
        return create(List.of());
    }

    /** The standard tables with the given alternate keys defined. */
    public static Schema create(List<KeyDefinition> keys) {
        List<EntityType.Builder> builders = List.of(account(), contact(), systemUser(), transactionCurrency(), product(),
                organization());
        for (KeyDefinition k : keys) {
            builders.stream().filter(b -> b.logicalName().equals(k.table())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("alternate key " + k + ": no table " + k.table()))
                    .alternateKey(k);
        }
        return new Schema(builders.stream().map(EntityType.Builder::build).toList());
    }

    static EntityType.Builder account() {
        return EntityType.builder("account", "accounts")
                .primaryKey("accountid")
                .primaryName("name")
                .add(string("name", 160).required(APPLICATION_REQUIRED),
                        string("accountnumber", 20),
                        string("emailaddress1", 100),
                        string("emailaddress2", 100),
                        string("emailaddress3", 100),
                        string("telephone1", 50),
                        string("telephone2", 50),
                        string("telephone3", 50),
                        string("websiteurl", 200),
                        string("fax", 50),
                        money("creditlimit", "0", MONEY_MAX, 2),
                        money("revenue", "0", MONEY_MAX, 2),
                        bool("creditonhold"),
                        memo("description", 2000),
                        integer("numberofemployees", 0, 1_000_000_000), // beyond the reference
                        picklist("customertypecode", 1, "Competitor", 2, "Consultant", 3, "Customer", 4, "Investor",
                                5, "Partner", 6, "Influencer", 7, "Press", 8, "Prospect", 9, "Reseller",
                                10, "Supplier", 11, "Vendor", 12, "Other"),
                        picklist("accountcategorycode", 1, "Preferred Customer", 2, "Standard"),
                        // beyond the reference: option-mapped by the NAV CUSTOMER mapping
                        picklist("paymenttermscode", 1, "Net 30", 2, "2% 10, Net 30", 3, "Net 45", 4, "Net 60"),
                        SystemColumns.activeInactiveState("Inactive"),
                        SystemColumns.activeInactiveStatus())
                .add(address1(true))
                .add(SystemColumns.owner(),
                        lookup("parentaccountid", "account"),
                        lookup("primarycontactid", "contact"),
                        SystemColumns.currency())
                .add(SystemColumns.audit())
                .derive(Derivations.compositeAddress("address1"));
    }

    static EntityType.Builder contact() {
        return EntityType.builder("contact", "contacts")
                .primaryKey("contactid")
                .primaryName("fullname")
                .add(string("firstname", 50).required(RECOMMENDED),
                        string("middlename", 50), // beyond the reference (NAV CONTACT mapping)
                        string("lastname", 50).required(APPLICATION_REQUIRED),
                        string("fullname", 160).readOnly(),
                        string("emailaddress1", 100),
                        string("telephone1", 50),
                        string("telephone2", 50), // beyond the reference
                        string("mobilephone", 50),
                        string("pager", 50), // beyond the reference (NAV CONTACT mapping)
                        string("fax", 50), // beyond the reference (NAV CONTACT mapping)
                        string("jobtitle", 100),
                        string("websiteurl", 200),
                        memo("description", 2000), // beyond the reference
                        // contact's customertypecode has a single standard option (inference; values not listed)
                        picklist("customertypecode", 1, "Default Value"),
                        money("creditlimit", "0", MONEY_MAX, 2),
                        SystemColumns.activeInactiveState("Inactive"),
                        SystemColumns.activeInactiveStatus())
                .add(address1(true))
                .add(SystemColumns.owner(),
                        // Customer type: one navigation property per target table [NAV]
                        Attribute.lookupOnly("parentcustomerid")
                                .nav("parentcustomerid_account", "account")
                                .nav("parentcustomerid_contact", "contact"),
                        SystemColumns.currency())
                .add(SystemColumns.audit())
                .derive(Derivations.fullName("fullname", "firstname", "lastname"))
                .derive(Derivations.compositeAddress("address1"));
    }

    static EntityType.Builder systemUser() {
        return EntityType.builder("systemuser", "systemusers")
                .primaryKey("systemuserid")
                .primaryName("fullname")
                .add(string("domainname", 1024).required(SYSTEM_REQUIRED),
                        string("internalemailaddress", 100).required(SYSTEM_REQUIRED),
                        string("firstname", 64), // beyond the reference
                        string("lastname", 64), // beyond the reference
                        string("fullname", 200).readOnly(), // beyond the reference (NAV SALESPEOPLE mapping)
                        string("mobilephone", 64), // beyond the reference (NAV SALESPEOPLE mapping)
                        guid("azureactivedirectoryobjectid"),
                        guid("applicationid"),
                        picklist("accessmode", 0, "Read-Write", 1, "Administrative", 2, "Read", 3, "Support User",
                                4, "Non-interactive", 5, "Delegated Admin"),
                        bool("isdisabled"),
                        bool("islicensed"), // beyond the reference (NAV SALESPEOPLE filter)
                        bool("isintegrationuser")) // beyond the reference (NAV SALESPEOPLE filter)
                .add(SystemColumns.audit())
                // systemuser inherits its key 'ownerid' from principal [ALTKEY]; the Web API returns it as well
                .add(guid(SystemColumns.OWNER_ID).readOnly())
                .derive(Derivations.fullName("fullname", "firstname", "lastname"))
                .derive(Derivations.copy(SystemColumns.OWNER_ID, "systemuserid"))
                .principal(SystemColumns.OWNER_ID);
    }

    /** The organization: one row, whose base currency is what a blank NAV currency code stands for. */
    static EntityType.Builder organization() {
        return EntityType.builder("organization", "organizations")
                .primaryKey("organizationid")
                .primaryName("name")
                .add(string("name", 160).required(SYSTEM_REQUIRED),
                        lookup("basecurrencyid", "transactioncurrency").notValidForUpdate())
                .add(SystemColumns.audit());
    }

    static EntityType.Builder transactionCurrency() {
        return EntityType.builder("transactioncurrency", "transactioncurrencies")
                .primaryKey("transactioncurrencyid")
                .primaryName("currencyname")
                .add(string("currencyname", 100).required(SYSTEM_REQUIRED),
                        string("isocurrencycode", 5).required(SYSTEM_REQUIRED).notValidForUpdate(),
                        string("currencysymbol", 10),
                        decimal("exchangerate", "0.0000000001", "100000000000", 12).required(SYSTEM_REQUIRED),
                        integer("currencyprecision", 0, 10),
                        SystemColumns.activeInactiveState("Inactive"),
                        SystemColumns.activeInactiveStatus())
                .add(SystemColumns.audit());
    }

    static EntityType.Builder product() {
        return EntityType.builder("product", "products")
                .primaryKey("productid")
                .primaryName("name")
                .add(string("name", 100).required(APPLICATION_REQUIRED),
                        string("productnumber", 100).required(SYSTEM_REQUIRED),
                        memo("description", 2000), // beyond the reference
                        integer("quantitydecimal", 0, 5).required(APPLICATION_REQUIRED),
                        money("price", "0", "1000000000000", 2),
                        money("standardcost", "0", "1000000000000", 2),
                        money("currentcost", "0", "1000000000000", 2),
                        // beyond the reference: the NAV ITEM-PRODUCT mapping writes these
                        picklist("producttypecode", 1, "Sales Inventory", 2, "Miscellaneous Charges", 3, "Services",
                                4, "Flat Fees"),
                        decimal("stockvolume", "0", "1000000000", 2),
                        decimal("stockweight", "0", "1000000000", 2),
                        decimal("quantityonhand", "0", "1000000000", 2),
                        string("vendorid", 100),
                        string("vendorpartnumber", 100),
                        picklist("productstructure", 1, "Product", 2, "Product Family", 3, "Product Bundle")
                                .notValidForUpdate(),
                        Attribute.of(SystemColumns.STATE_CODE, AttributeType.STATE)
                                .state(0, "Active", 1).state(1, "Retired", 2).state(2, "Draft", 0)
                                .state(3, "Under Revision", 3).notValidForCreate(),
                        Attribute.of(SystemColumns.STATUS_CODE, AttributeType.STATUS)
                                .status(0, "Draft", 2).status(1, "Active", 0).status(2, "Retired", 1)
                                .status(3, "Under Revision", 3),
                        dateOnly("validfromdate"),
                        dateOnly("validtodate"),
                        // target tables uomschedule/uom/pricelevel are not served by the sandbox
                        lookup("defaultuomscheduleid", "uomschedule")
                                .required(APPLICATION_REQUIRED),
                        lookup("defaultuomid", "uom").required(APPLICATION_REQUIRED),
                        lookup("pricelevelid", "pricelevel").notValidForCreate(),
                        SystemColumns.currency())
                .add(SystemColumns.audit());
    }

    /** address1_* columns with the lengths of [E-ACCOUNT] (contact uses the same [E-CONTACT]). */
    private static Attribute.Builder[] address1(boolean withComposite) {
        List<Attribute.Builder> list = new ArrayList<>(List.of(
                string("address1_name", 200),
                string("address1_line1", 250),
                string("address1_line2", 250),
                string("address1_line3", 250),
                string("address1_city", 80),
                string("address1_stateorprovince", 50),
                string("address1_postalcode", 20),
                string("address1_country", 80),
                string("address1_county", 50),
                string("address1_telephone1", 50),
                string("address1_telephone2", 50),
                string("address1_telephone3", 50),
                string("address1_fax", 50),
                string("address1_postofficebox", 20),
                string("address1_primarycontactname", 100),
                string("address1_upszone", 4),
                dbl("address1_latitude", "-90", "90", 5),
                dbl("address1_longitude", "-180", "180", 5),
                picklist("address1_addresstypecode", 1, "Bill To", 2, "Ship To", 3, "Primary", 4, "Other"),
                // beyond the reference: option-mapped by the NAV CUSTOMER mapping
                picklist("address1_freighttermscode", 1, "FOB", 2, "No Charge"),
                picklist("address1_shippingmethodcode", 1, "Airborne", 2, "DHL", 3, "FedEx", 4, "UPS",
                        5, "Postal Mail", 6, "Full Load", 7, "Will Call")));
        if (withComposite) {
            list.add(memo("address1_composite", 1000).readOnly());
        }
        return list.toArray(new Attribute.Builder[0]);
    }
}
