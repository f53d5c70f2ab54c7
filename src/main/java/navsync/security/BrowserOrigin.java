package navsync.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses requests a browser sends on behalf of another site's page. A page of another site names
 * itself in Origin (or Referer); a page whose host name an attacker has pointed at 127.0.0.1 (DNS
 * rebinding) passes the origin check but names its own host in the Host header, so without
 * authentication the Host must be a loopback name too.
 */
public final class BrowserOrigin {

    private BrowserOrigin() {
    }

    /**
     * Why the request is refused, if it is: {@code origin} or else {@code referer} (either may be null)
     * names a page not served by {@code host} (the Host header), or, when {@code authenticated} is
     * false, {@code host} is not a loopback name.
     */
    public static Optional<String> refusal(String origin, String referer, String host, boolean authenticated) {
        if (host == null || host.isBlank()) {
            return Optional.of("the request has no Host header");
        }
        String page = origin != null && !origin.isBlank() ? origin : referer;
        if (page != null && !page.isBlank() && !hostOf(page).equalsIgnoreCase(host)) {
            return Optional.of("a page of " + page.replaceAll("[\\r\\n]", "") + " may not call " + host);
        }
        if (!authenticated && !isLoopbackName(hostName(host))) {
            return Optional.of("without authentication only loopback names (127.0.0.1, localhost, [::1]) are served, not "
                    + host.replaceAll("[\\r\\n]", ""));
        }
        return Optional.empty();
    }

    /** host[:port] of an origin or a URL; "" when it has none. */
    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            String authority = uri.getRawAuthority();
            return authority == null ? "" : authority.substring(authority.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** localhost or a loopback address literal; never a DNS look-up, which a rebinding attacker answers. */
    private static boolean isLoopbackName(String name) {
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!name.contains(":") && !name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The name of a Host header's value, without port and IPv6 brackets. */
    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
