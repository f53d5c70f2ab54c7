package navsync.sandbox.service;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.json.Json;
import navsync.sandbox.store.DataStore;

/**
 * The standalone sandbox's demo organization, matching the demo NAV company
 * ({@code src/main/resources/nav/demo/cronus-data.sql}): the five salespeople as system users, the company's
 * currencies besides the base currency (CAD, DKK, EUR, GBP), and accounts for six of its customers with the same
 * names, addresses and owners but no account number, i.e. present in Sales yet not coupled, ready for match-based
 * coupling. Fixed ids, so tools can refer to them.
 */
public final class DemoData {
    private DemoData() {
    }

    /** Salesperson code, first name, last name, e-mail, phone, job title (from the demo NAV data). */
    private static final String[][] SALESPEOPLE = {
        {"BC", "Benjamin", "Chiu", "benjamin.chiu@cronus.example", "+44 20 7946 0110", "Purchasing Agent"},
        {"JO", "Jim", "Olive", "jim.olive@cronus.example", "+44 20 7946 0120", "Sales Manager"},
        {"OF", "Otis", "Falls", "otis.falls@cronus.example", "+44 20 7946 0130", "Sales Representative"},
        {"PS", "Peter", "Saddow", "peter.saddow@cronus.example", "+44 20 7946 0140", "Sales Representative"},
        {"RB", "Robin", "Bettencourt", "robin.bettencourt@cronus.example", "+44 20 7946 0150", "Purchasing Manager"},
    };

    /** ISO code, name, symbol, exchange rate to the base currency (USD; made-up but plausible rates). */
    private static final String[][] CURRENCIES = {
        {"CAD", "Canadian dollar", "$", "1.37"},
        {"DKK", "Danish krone", "kr.", "6.87"},
        {"EUR", "Euro", "\u20ac", "0.92"},
        {"GBP", "Pound sterling", "\u00a3", "0.79"},
    };

    /** Name, address, city, post code, country, phone, e-mail, web, salesperson, currency (blank: GBP, the LCY). */
    private static final String[][] ACCOUNTS = {
        {"The Cannon Group PLC", "192 Market Square", "Birmingham", "B27 4KT", "GB", "+44 121 496 0100",
            "info@cannongroup.example", "www.cannongroup.example", "PS", "GBP"},
        {"Selangorian Ltd.", "153 Thomas Drive", "Coventry", "CV6 1GY", "GB", "+44 24 7649 0200",
            "info@selangorian.example", "www.selangorian.example", "JO", "GBP"},
        {"John Haddock Insurance Co.", "10 High Tower Green", "Manchester", "M61 2EY", "GB", "+44 161 496 0300",
            "info@haddock-insurance.example", "www.haddock-insurance.example", "JO", "GBP"},
        {"Spotsmeyer's Furnishings", "612 South Sunset Drive", "Miami", "US-FL 37125", "US", "+1 305 555 0112",
            "info@spotsmeyer.example", "www.spotsmeyer.example", "JO", "USD"},
        {"Woonboulevard Kuitenbrouwer", "Ringweg 75", "Zutphen", "NL-7201 KJ", "NL", "+31 575 555 050",
            "info@kuitenbrouwer.example", "www.kuitenbrouwer.example", "JO", "EUR"},
        {"Candoxy Kontor A/S", "Vesterbrogade 80", "K\u00f8benhavn V", "DK-1620", "DK", "+45 33 55 52 82",
            "info@candoxy-kontor.example", "www.candoxy-kontor.example", "JO", "DKK"},
    };

    /** The system user id of a salesperson code, e.g. {@code JO}. */
    public static UUID salespersonId(String code) {
        for (int i = 0; i < SALESPEOPLE.length; i++) {
            if (SALESPEOPLE[i][0].equals(code)) {
                return id(0x100 + i);
            }
        }
        throw new IllegalArgumentException("no demo salesperson " + code);
    }

    /** The transactioncurrency id of an ISO code; USD is the seeded base currency. */
    public static UUID currencyId(String iso) {
        if (iso.equals("USD")) {
            return SeedData.BASE_CURRENCY_ID;
        }
        for (int i = 0; i < CURRENCIES.length; i++) {
            if (CURRENCIES[i][0].equals(iso)) {
                return id(0x200 + i);
            }
        }
        throw new IllegalArgumentException("no demo currency " + iso);
    }

    /** The demo account id of the i-th account (0-based). */
    public static UUID accountId(int i) {
        return id(0x300 + i);
    }

    /** Adds the demo rows (after the seed rows) through the normal write path. */
    public static void add(DataStore store, EntityService service) {
        for (int i = 0; i < SALESPEOPLE.length; i++) {
            String[] s = SALESPEOPLE[i];
            SeedData.create(store, service, "systemuser", Json.MAPPER.createObjectNode()
                    .put("systemuserid", id(0x100 + i).toString())
                    .put("domainname", s[3]).put("internalemailaddress", s[3])
                    .put("firstname", s[1]).put("lastname", s[2])
                    .put("mobilephone", s[4])
                    .put("accessmode", 0).put("isdisabled", false).put("islicensed", true)
                    .put("isintegrationuser", false));
        }
        for (int i = 0; i < CURRENCIES.length; i++) {
            String[] c = CURRENCIES[i];
            SeedData.create(store, service, "transactioncurrency", Json.MAPPER.createObjectNode()
                    .put("transactioncurrencyid", id(0x200 + i).toString())
                    .put("isocurrencycode", c[0]).put("currencyname", c[1]).put("currencysymbol", c[2])
                    .put("exchangerate", new BigDecimal(c[3])).put("currencyprecision", 2));
        }
        for (int i = 0; i < ACCOUNTS.length; i++) {
            String[] a = ACCOUNTS[i];
            ObjectNode account = Json.MAPPER.createObjectNode()
                    .put("accountid", accountId(i).toString())
                    .put("name", a[0]).put("address1_line1", a[1]).put("address1_city", a[2])
                    .put("address1_postalcode", a[3]).put("address1_country", a[4]).put("telephone1", a[5])
                    .put("emailaddress1", a[6]).put("websiteurl", a[7]).put("customertypecode", 3)
                    .put("ownerid@odata.bind", "/systemusers(" + salespersonId(a[8]) + ")")
                    .put("transactioncurrencyid@odata.bind", "/transactioncurrencies(" + currencyId(a[9]) + ")");
            SeedData.create(store, service, "account", account);
        }
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("5a1e5a1e-0000-4000-8000-%012x", n));
    }
}
