package navsync.sandbox.http;

import com.sun.net.httpserver.Headers;

/**
 * An HTTP request as the sandbox received it, from the wire or from a {@code $batch} part: method, decoded path, raw
 * query, headers, body, the origin it was addressed to ({@code http://host:port}, the base of URLs in responses) and
 * the caller's user key once authentication has identified it.
 */
public record IncomingRequest(String method, String path, String rawQuery, Headers headers, byte[] body, String origin,
                              String caller) {

    public String header(String name) {
        return headers.getFirst(name);
    }

    public IncomingRequest withCaller(String user) {
        return new IncomingRequest(method, path, rawQuery, headers, body, origin, user);
    }

    /** Method and path, for logs and fault fingerprints. */
    public String line() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
