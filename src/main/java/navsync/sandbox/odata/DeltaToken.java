package navsync.sandbox.odata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import navsync.sandbox.error.DataverseException;

/**
 * A change-tracking {@code $deltatoken}: the store version it covers up to and when it was issued, in Dataverse's
 * shape {@code 919042!08/22/2017 08:10:44} [CT]. Clients treat it as opaque.
 */
public record DeltaToken(long version, Instant issued) {
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    public String encode() {
        return version + "!" + ISSUED.format(LocalDateTime.ofInstant(issued, ZoneOffset.UTC));
    }

    public static DeltaToken parse(String text) {
        int bang = text.indexOf('!');
        try {
            if (bang <= 0) {
                throw new IllegalArgumentException();
            }
            long version = Long.parseLong(text.substring(0, bang));
            Instant issued = LocalDateTime.parse(text.substring(bang + 1), ISSUED).toInstant(ZoneOffset.UTC);
            return new DeltaToken(version, issued);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DataverseException.query("The $deltatoken '" + text + "' is not valid. Use the @odata.deltaLink "
                    + "of an earlier response as returned.");
        }
    }
}
