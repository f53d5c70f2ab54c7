package navsync.sales;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of new Sales rows, chosen by navsync before the write (so a rerun writes the same rows). They
 * are time-ordered UUIDs (version 7, RFC 9562: 48 bits of Unix milliseconds, then 74 random bits), so
 * the state store's index on Sales ids grows at its end instead of at random places: with random
 * UUIDs each commit rewrote hundreds of that index's pages (measured on H2: 36 -> 26 us per coupling insert).
 */
public final class SalesIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SalesIds() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
