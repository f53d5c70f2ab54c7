package navsync.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.net.httpserver.Headers;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;

/**
 * Reads a {@code multipart/mixed} body into parts (MIME headers and body). Line breaks may be CRLF, as OData and MIME
 * require, or LF, as the Dataverse docs print them (reference section 11 item 8: accept both; inference). Bytes are
 * kept as they are (read as ISO-8859-1, one char per byte).
 */
final class Multipart {
    private Multipart() {
    }

    /** One body part: its MIME headers and its content. */
    record Part(Headers headers, String content) {
        String contentType() {
            String t = headers.getFirst("Content-Type");
            return t == null ? "" : t;
        }

        byte[] contentBytes() {
            return content.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** The {@code boundary} parameter of a {@code multipart/mixed} content type; null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).strip();
                return b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    static List<Part> parse(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int pos = delimiterAt(body, delimiter, 0);
        if (pos < 0) {
            throw malformed("no boundary delimiter '" + delimiter + "'");
        }
        while (true) {
            int afterDelimiter = pos + delimiter.length();
            if (body.startsWith("--", afterDelimiter)) {
                return parts; // close delimiter
            }
            int contentStart = lineEnd(body, afterDelimiter);
            if (contentStart < 0) {
                throw malformed("a part has no content");
            }
            int next = delimiterAt(body, delimiter, contentStart);
            if (next < 0) {
                throw malformed("the close delimiter '" + delimiter + "--' is missing");
            }
            parts.add(part(body.substring(contentStart, stripLineBreak(body, next))));
            pos = next;
        }
    }

    /** Splits a part into its header block and content at the first empty line. */
    static Part part(String raw) {
        Headers headers = new Headers();
        int pos = 0;
        while (true) {
            int end = lineEnd(raw, pos);
            String line = end < 0 ? raw.substring(pos) : raw.substring(pos, lineContentEnd(raw, end));
            if (line.isEmpty()) {
                return new Part(headers, end < 0 ? "" : raw.substring(end));
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("bad header line '" + line + "'");
            }
            headers.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            if (end < 0) {
                return new Part(headers, "");
            }
            pos = end;
        }
    }

    /** Start of the first line at or after {@code from} that begins with {@code delimiter}; -1 when none. */
    private static int delimiterAt(String body, String delimiter, int from) {
        int i = from;
        while (true) {
            i = body.indexOf(delimiter, i);
            if (i < 0 || i == 0 || body.charAt(i - 1) == '\n') {
                return i;
            }
            i += delimiter.length();
        }
    }

    /** Index just after the line break ending the line that contains {@code from}; -1 when there is none. */
    static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? -1 : nl + 1;
    }

    /** Index of the line break before {@code lineEnd} (CRLF or LF). */
    static int lineContentEnd(String s, int lineEnd) {
        int e = lineEnd - 1;
        return e > 0 && s.charAt(e - 1) == '\r' ? e - 1 : e;
    }

    /** The line break before a delimiter belongs to the delimiter (RFC 2046). */
    private static int stripLineBreak(String body, int delimiterStart) {
        int e = delimiterStart;
        if (e > 0 && body.charAt(e - 1) == '\n') {
            e--;
            if (e > 0 && body.charAt(e - 1) == '\r') {
                e--;
            }
        }
        return e;
    }

    static DataverseException malformed(String why) {
        return DataverseException.badRequest(ErrorCodes.EMPTY, "The batch request body is not valid multipart/mixed: "
                + why + ".");
    }
}
