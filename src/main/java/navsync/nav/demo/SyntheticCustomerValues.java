package navsync.nav.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic values for one synthetic customer, a pure function of (seed, customer number): the same
 * seed and number always give the same customer, whatever was generated before. Values stay within
 * NAV's field lengths, Code values are upper case, and a few percent of the optional fields are blank.
 */
final class SyntheticCustomerValues {

    /** The Customer columns the generator fills, in the order of {@link #row}. */
    static final List<String> COLUMNS = List.of("No_", "Name", "Search Name", "Name 2", "Address", "Address 2", "City",
            "Contact", "Phone No_", "Credit Limit (LCY)", "Customer Posting Group", "Currency Code", "Language Code",
            "Payment Terms Code", "Salesperson Code", "Shipment Method Code", "Shipping Agent Code",
            "Country_Region Code", "Blocked", "Last Date Modified", "Fax No_", "VAT Registration No_",
            "Gen_ Bus_ Posting Group", "Post Code", "County", "E-Mail", "Home Page", "VAT Bus_ Posting Group",
            "Mobile Phone No_", "Last Modified Date Time", "$systemId");

    static final String NUMBER_PREFIX = "C";
    static final int NUMBER_DIGITS = 7;

    private static final String[] SALESPEOPLE = {"JO", "JO", "OF", "OF", "PS", "PS", "BC", "RB"};
    private static final String[] PAYMENT_TERMS = {"14 DAYS", "14 DAYS", "1M(8D)", "1M(8D)", "21 DAYS", "CM", "COD"};
    private static final String[] SHIPMENT_METHODS = {"EXW", "EXW", "CIF", "FOB", "PICKUP"};
    private static final String[] SHIPPING_AGENTS = {"DHL", "DHL", "UPS", "UPS", "FEDEX", "OWN LOG."};

    private static final String[] FIRST_NAMES = {"Adam", "Alice", "Anna", "Ben", "Carla", "Chris", "Daniel", "Diana",
            "Emma", "Eric", "Fatima", "Frank", "Grace", "Hans", "Helen", "Ian", "Ingrid", "Jack", "Jan", "Julia", "Karen",
            "Kevin", "Lars", "Laura", "Liam", "Lucas", "Maria", "Mark", "Mette", "Nadia", "Noah", "Olivia", "Omar",
            "Paul", "Pieter", "Rachel", "Sam", "Sara", "Sophie", "Thomas", "Tom", "Ursula", "Victor", "Wei", "Yuki", "Zoe"};
    private static final String[] SURNAMES = {"Adams", "Andersen", "Bakker", "Baker", "Becker", "Brown", "Clarke",
            "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Harris", "Hoffmann", "Jansen", "Jensen", "Johnson",
            "Kowalski", "Lambert", "Larsen", "Lee", "Martin", "Meyer", "Miller", "Moreau", "Murphy", "Nielsen", "O'Brien",
            "Peeters", "Petit", "Richter", "Roberts", "Schmidt", "Schneider", "Smith", "Taylor", "Thompson", "Tremblay",
            "van Dijk", "de Vries", "Walker", "Wagner", "Weber", "White", "Wilson", "Wright", "Young", "Zimmermann"};
    private static final String[] PLACES = {"Northwind", "Riverside", "Lakeside", "Highland", "Westfield", "Eastgate",
            "Summit", "Harbour", "Oakwood", "Silverline", "Bluewater", "Greenfield", "Redstone", "Kingsbridge",
            "Fairview", "Pinecrest", "Stonebridge", "Brightwood", "Ashford", "Clearwater", "Evergreen", "Goldcrest",
            "Ironwood", "Maplewood", "Northgate", "Seaview", "Sunrise", "Whitehall", "Woodland", "Alpine"};
    private static final String[] TRADES = {"Office Supplies", "Furniture", "Interiors", "Design", "Consulting",
            "Trading", "Hotels", "Construction", "Engineering", "Logistics", "Retail", "Office Solutions", "Workspace",
            "Printing", "Healthcare", "Insurance", "Legal Services", "Architects", "Catering", "Software", "Electronics",
            "Home Furnishings", "Facilities", "Education", "Property Management", "Hospitality", "Media", "Marketing"};

    /** 2016-01-01T00:00:00Z: generated $systemIds look created since then. */
    private static final long SYSTEM_ID_EPOCH_MILLIS = 1_451_606_400_000L;

    private SyntheticCustomerValues() {
    }

    /** The customer number for a running number, e.g. 1 = {@code C0000001}. */
    static String customerNo(long number) {
        String digits = Long.toString(number);
        StringBuilder no = new StringBuilder(NUMBER_PREFIX.length() + NUMBER_DIGITS).append(NUMBER_PREFIX);
        for (int i = digits.length(); i < NUMBER_DIGITS; i++) {
            no.append('0');
        }
        return no.append(digits).toString();
    }

    /** The generator for one customer (or one modification): a Random seeded from both seed and number. */
    static Random random(long seed, long number) {
        return new Random(mix(seed * 0x9E3779B97F4A7C15L + number));
    }

    /** One customer's values in {@link #COLUMNS} order. */
    static Object[] row(long seed, long number) {
        Random r = random(seed, number);
        Country country = Country.pick(r);
        City city = country.cities[r.nextInt(country.cities.length)];

        String trade = tradeName(r);
        String name = cut(trade + " " + pick(r, country.legalForms), 100);
        String first = pick(r, FIRST_NAMES);
        String surname = pick(r, SURNAMES);
        String domain = slug(trade) + ".example";
        LocalDateTime modified = LocalDateTime.of(2016, 1, 1, 8, 0)
                .plusDays(r.nextInt(9 * 365)).plusMinutes(r.nextInt(10 * 60)).plusSeconds(r.nextInt(60));

        Object[] v = new Object[COLUMNS.size()];
        int i = 0;
        v[i++] = customerNo(number);                                             // No_
        v[i++] = name;                                                           // Name
        v[i++] = cut(name.toUpperCase(Locale.ROOT), 100);                        // Search Name
        v[i++] = chance(r, 4) ? pick(r, "Accounts Department", "Head Office", "Purchasing") : "";   // Name 2
        v[i++] = country.address(r);                                             // Address
        v[i++] = chance(r, 15) ? pick(r, "Suite ", "Unit ", "Floor ") + (1 + r.nextInt(40)) : "";   // Address 2
        v[i++] = city.name;                                                      // City
        v[i++] = chance(r, 3) ? "" : first + " " + surname;                      // Contact
        v[i++] = chance(r, 3) ? "" : country.phone(r);                           // Phone No_
        v[i++] = chance(r, 40) ? BigDecimal.ZERO : BigDecimal.valueOf(1000L * (1 + r.nextInt(200)));  // Credit Limit (LCY)
        v[i++] = country.postingGroup;                                           // Customer Posting Group
        v[i++] = country.currency;                                               // Currency Code
        v[i++] = country.language;                                               // Language Code
        v[i++] = pick(r, PAYMENT_TERMS);                                         // Payment Terms Code
        v[i++] = chance(r, 5) ? "" : pick(r, SALESPEOPLE);                       // Salesperson Code
        v[i++] = chance(r, 5) ? "" : pick(r, SHIPMENT_METHODS);                  // Shipment Method Code
        v[i++] = chance(r, 10) ? "" : pick(r, SHIPPING_AGENTS);                  // Shipping Agent Code
        v[i++] = country.code;                                                   // Country_Region Code
        v[i++] = chance(r, 2) ? 1 + r.nextInt(3) : 0;                            // Blocked: Ship, Invoice, All
        v[i++] = modified.toLocalDate();                                         // Last Date Modified
        v[i++] = chance(r, 60) ? "" : country.phone(r);                          // Fax No_
        v[i++] = country.vatRegistrationNo(r);                                   // VAT Registration No_
        v[i++] = country.postingGroup;                                           // Gen_ Bus_ Posting Group
        v[i++] = city.postCode(r);                                               // Post Code
        v[i++] = city.county;                                                    // County
        v[i++] = chance(r, 3) ? "" : email(r, first, surname, domain);           // E-Mail
        v[i++] = chance(r, 10) ? "" : "www." + domain;                           // Home Page
        v[i++] = country.vatBusPostingGroup;                                     // VAT Bus_ Posting Group
        v[i++] = chance(r, 50) ? "" : country.mobile(r);                         // Mobile Phone No_
        v[i++] = modified;                                                       // Last Modified Date Time
        v[i++] = systemId(seed, number, r);                                      // $systemId
        return v;
    }

    /** A new phone number for a customer of the given country, for modifications. */
    static String phone(Random r, String countryCode) {
        return Country.byCode(countryCode).phone(r);
    }

    /** A company name without its legal form: "Adams Furniture", "Weber & Evans", "Riverside Hotels". */
    private static String tradeName(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, SURNAMES) + " " + pick(r, TRADES);
            case 1 -> pick(r, SURNAMES) + " & " + pick(r, SURNAMES);
            default -> pick(r, PLACES) + " " + pick(r, TRADES);
        };
    }

    private static String email(Random r, String first, String surname, String domain) {
        String local = r.nextBoolean() ? "info" : letters(first) + "." + letters(surname);
        return cut(local + "@" + domain, 80);
    }

    /** Lower-case ASCII letters of a name: "O'Brien" is "obrien", "van Dijk" is "vandijk". */
    private static String letters(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A domain-name label from a company name: "Adams & Baker Ltd." is "adams-baker-ltd". */
    private static String slug(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean dash = false;
        for (int i = 0; i < name.length() && out.length() < 50; i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /**
     * A UUID version 7 (time-ordered): a pseudo creation time in milliseconds that grows with the
     * customer number, then random bits. Ordered ids keep the unique index on $systemId cheap to fill
     * (random version-4 ids cost a bulk load about a third more on H2).
     */
    static UUID systemId(long seed, long number, Random r) {
        long millis = SYSTEM_ID_EPOCH_MILLIS + (mix(seed) & 0xFFFFFFFFFL) + number;   // 48 bits of time
        long msb = (millis << 16) | 0x7000L | (r.nextInt() & 0x0FFFL);
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;        // IETF variant
        return new UUID(msb, lsb);
    }

    static boolean chance(Random r, int percent) {
        return r.nextInt(100) < percent;
    }

    @SafeVarargs
    static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    static String digits(Random r, int count) {
        char[] c = new char[count];
        for (int i = 0; i < count; i++) {
            c[i] = (char) ('0' + r.nextInt(10));
        }
        return new String(c);
    }

    private static String cut(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length).strip();
    }

    /** SplitMix64's finalizer: spreads neighbouring seeds apart (java.util.Random alone correlates them). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A city, its county/state, and how its post codes look. */
    private record City(String name, String county, String postCodePrefix, PostCodeStyle style) {
        String postCode(Random r) {
            return switch (style) {
                case UK -> postCodePrefix + (1 + r.nextInt(20)) + " " + r.nextInt(10) + letter(r) + letter(r);
                case US -> postCodePrefix + digits(r, 2);
                case CA -> postCodePrefix + " " + r.nextInt(10) + letter(r) + r.nextInt(10);
                case NL -> postCodePrefix + digits(r, 2) + " " + letter(r) + letter(r);
                case DIGITS -> postCodePrefix + digits(r, 2);
            };
        }

        private static char letter(Random r) {
            return "ABDEFGHJLNPQRSTUWXYZ".charAt(r.nextInt(20));
        }
    }

    private enum PostCodeStyle { UK, US, CA, NL, DIGITS }

    private enum AddressStyle { ENGLISH, GERMAN, DUTCH, DANISH, FRENCH }

    /** What a customer's country decides: currency (blank = LCY), posting groups, language, formats. */
    private enum Country {
        GB(30, "", "DOMESTIC", "DOMESTIC", "ENU", "+44", AddressStyle.ENGLISH, new String[] {"Ltd.", "PLC", "Ltd.", "& Co."},
                city("London", "", "EC", PostCodeStyle.UK), city("Birmingham", "", "B", PostCodeStyle.UK),
                city("Manchester", "", "M", PostCodeStyle.UK), city("Leeds", "", "LS", PostCodeStyle.UK),
                city("Bristol", "", "BS", PostCodeStyle.UK), city("Glasgow", "", "G", PostCodeStyle.UK),
                city("Edinburgh", "", "EH", PostCodeStyle.UK), city("Coventry", "", "CV", PostCodeStyle.UK),
                city("Cardiff", "", "CF", PostCodeStyle.UK), city("Guildford", "", "GU", PostCodeStyle.UK)),
        US(20, "USD", "FOREIGN", "EXPORT", "ENU", "+1", AddressStyle.ENGLISH, new String[] {"Inc.", "LLC", "Corp.", "Co."},
                city("Chicago", "IL", "US-IL 606", PostCodeStyle.US), city("Atlanta", "GA", "US-GA 303", PostCodeStyle.US),
                city("Miami", "FL", "US-FL 331", PostCodeStyle.US), city("Seattle", "WA", "US-WA 981", PostCodeStyle.US),
                city("Boston", "MA", "US-MA 021", PostCodeStyle.US), city("Denver", "CO", "US-CO 802", PostCodeStyle.US),
                city("Austin", "TX", "US-TX 787", PostCodeStyle.US), city("New York", "NY", "US-NY 100", PostCodeStyle.US),
                city("San Francisco", "CA", "US-CA 941", PostCodeStyle.US)),
        DE(10, "EUR", "EU", "EU", "DEU", "+49", AddressStyle.GERMAN, new String[] {"GmbH", "KG", "AG", "GmbH & Co. KG"},
                city("Berlin", "", "DE-101", PostCodeStyle.DIGITS), city("Hamburg", "", "DE-200", PostCodeStyle.DIGITS),
                city("München", "", "DE-803", PostCodeStyle.DIGITS), city("Köln", "", "DE-506", PostCodeStyle.DIGITS),
                city("Frankfurt am Main", "", "DE-603", PostCodeStyle.DIGITS), city("Düsseldorf", "", "DE-402", PostCodeStyle.DIGITS)),
        NL(8, "EUR", "EU", "EU", "NLD", "+31", AddressStyle.DUTCH, new String[] {"BV", "B.V.", "NV"},
                city("Amsterdam", "", "NL-10", PostCodeStyle.NL), city("Rotterdam", "", "NL-30", PostCodeStyle.NL),
                city("Utrecht", "", "NL-35", PostCodeStyle.NL), city("Eindhoven", "", "NL-56", PostCodeStyle.NL),
                city("Zutphen", "", "NL-72", PostCodeStyle.NL)),
        BE(5, "EUR", "EU", "EU", "NLB", "+32", AddressStyle.DUTCH, new String[] {"NV", "BV", "SA"},
                city("Antwerpen", "", "BE-20", PostCodeStyle.DIGITS), city("Brussel", "", "BE-10", PostCodeStyle.DIGITS),
                city("Gent", "", "BE-90", PostCodeStyle.DIGITS), city("Leuven", "", "BE-30", PostCodeStyle.DIGITS),
                city("Mechelen", "", "BE-28", PostCodeStyle.DIGITS)),
        DK(6, "DKK", "EU", "EU", "DAN", "+45", AddressStyle.DANISH, new String[] {"A/S", "ApS", "I/S"},
                city("København K", "", "DK-10", PostCodeStyle.DIGITS), city("Aarhus C", "", "DK-80", PostCodeStyle.DIGITS),
                city("Odense C", "", "DK-50", PostCodeStyle.DIGITS), city("Aalborg", "", "DK-90", PostCodeStyle.DIGITS)),
        CA(6, "CAD", "FOREIGN", "EXPORT", "ENC", "+1", AddressStyle.ENGLISH, new String[] {"Inc.", "Ltd.", "Corp."},
                city("Toronto", "ON", "M5H", PostCodeStyle.CA), city("Montréal", "QC", "H2Y", PostCodeStyle.CA),
                city("Vancouver", "BC", "V6B", PostCodeStyle.CA), city("Ottawa", "ON", "K1P", PostCodeStyle.CA),
                city("Calgary", "AB", "T2P", PostCodeStyle.CA)),
        AT(4, "EUR", "EU", "EU", "DEA", "+43", AddressStyle.GERMAN, new String[] {"GmbH", "KG", "AG"},
                city("Wien", "", "AT-10", PostCodeStyle.DIGITS), city("Graz", "", "AT-80", PostCodeStyle.DIGITS),
                city("Linz", "", "AT-40", PostCodeStyle.DIGITS), city("Gmunden", "", "AT-48", PostCodeStyle.DIGITS)),
        FR(6, "EUR", "EU", "EU", "FRA", "+33", AddressStyle.FRENCH, new String[] {"SARL", "SA", "SAS"},
                city("Paris", "", "FR-750", PostCodeStyle.DIGITS), city("Lyon", "", "FR-690", PostCodeStyle.DIGITS),
                city("Marseille", "", "FR-130", PostCodeStyle.DIGITS), city("Toulouse", "", "FR-310", PostCodeStyle.DIGITS),
                city("Lille", "", "FR-590", PostCodeStyle.DIGITS));

        private static final Country[] BY_WEIGHT = weighted();

        final int weight;
        final String code = name();
        final String currency;
        final String postingGroup;
        final String vatBusPostingGroup;
        final String language;
        final String dialCode;
        final AddressStyle addressStyle;
        final String[] legalForms;
        final City[] cities;

        Country(int weight, String currency, String postingGroup, String vatBusPostingGroup, String language,
                String dialCode, AddressStyle addressStyle, String[] legalForms, City... cities) {
            this.weight = weight;
            this.currency = currency;
            this.postingGroup = postingGroup;
            this.vatBusPostingGroup = vatBusPostingGroup;
            this.language = language;
            this.dialCode = dialCode;
            this.addressStyle = addressStyle;
            this.legalForms = legalForms;
            this.cities = cities;
        }

        static Country pick(Random r) {
            return BY_WEIGHT[r.nextInt(BY_WEIGHT.length)];
        }

        static Country byCode(String code) {
            for (Country c : values()) {
                if (c.code.equals(code)) {
                    return c;
                }
            }
            return GB;
        }

        String phone(Random r) {
            return dialCode + " " + (10 + r.nextInt(90)) + " " + digits(r, 4) + " " + digits(r, 4);
        }

        String mobile(Random r) {
            return dialCode + " " + (70 + r.nextInt(10)) + digits(r, 1) + " " + digits(r, 3) + " " + digits(r, 4);
        }

        String vatRegistrationNo(Random r) {
            return switch (this) {
                case US, CA -> "";
                case GB -> digits(r, 9);
                case AT -> "ATU" + digits(r, 8);
                case NL -> "NL" + digits(r, 9) + "B01";
                default -> code + digits(r, 9);
            };
        }

        String address(Random r) {
            int no = 1 + r.nextInt(250);
            return switch (addressStyle) {
                case ENGLISH -> no + " " + SyntheticCustomerValues.pick(r, "Oak", "Market", "High", "Church", "Station",
                        "Park", "Mill", "Victoria", "King", "Queen", "Bridge", "Elm", "Maple", "Cedar", "Lake", "River")
                        + " " + SyntheticCustomerValues.pick(r, "Street", "Road", "Avenue", "Lane", "Drive", "Way", "Square");
                case GERMAN -> SyntheticCustomerValues.pick(r, "Haupt", "Bahnhof", "Schiller", "Goethe", "Garten", "Berg",
                        "Kirch", "Linden", "Wald", "Markt") + SyntheticCustomerValues.pick(r, "straße", "weg", "allee", "platz")
                        + " " + no;
                case DUTCH -> SyntheticCustomerValues.pick(r, "Kerk", "Molen", "Dorp", "Stations", "School", "Hoog",
                        "Linden", "Beuken") + SyntheticCustomerValues.pick(r, "straat", "weg", "laan", "plein") + " " + no;
                case DANISH -> SyntheticCustomerValues.pick(r, "Al", "Nørre", "Vester", "Øster", "Strand", "Skole",
                        "Kirke") + SyntheticCustomerValues.pick(r, "gade", "vej") + " " + no;
                case FRENCH -> no + " " + SyntheticCustomerValues.pick(r, "rue de la Paix", "avenue Victor Hugo",
                        "boulevard Saint-Michel", "rue du Commerce", "place de la République", "rue Nationale");
            };
        }

        private static City city(String name, String county, String prefix, PostCodeStyle style) {
            return new City(name, county, prefix, style);
        }

        private static Country[] weighted() {
            List<Country> all = new ArrayList<>();
            for (Country c : values()) {
                for (int i = 0; i < c.weight; i++) {
                    all.add(c);
                }
            }
            return all.toArray(new Country[0]);
        }
    }
}
