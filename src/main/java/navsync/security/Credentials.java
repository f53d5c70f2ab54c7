package navsync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The users (HTTP basic) and API keys allowed to call the REST API, each with a role. Secrets are kept
 * only as SHA-256 digests and compared in constant time; no message of this class contains one.
 */
public final class Credentials {

    /** Who called: a user or an API key's name, and its role. */
    public record Caller(String name, Role role) {
    }

    private record Entry(String name, Role role, byte[] digest) {
    }

    private final Map<String, Entry> users;
    private final List<Entry> apiKeys;

    private Credentials(Map<String, Entry> users, List<Entry> apiKeys) {
        this.users = users;
        this.apiKeys = apiKeys;
    }

    /**
     * Reads {@code users} ("alice:operator,bob:viewer") and {@code apiKeys} ("ci:operator"); the secret of
     * each comes from {@code secret}: {@code user.<user>.password} or {@code api-key.<name>.secret}, a key
     * under {@code navsync.security.} (an environment variable such as NAVSYNC_SECURITY_USER_ALICE_PASSWORD).
     * The keys end in password and secret so that Camel's properties summary masks their values.
     */
    public static Credentials parse(String users, String apiKeys, Function<String, Optional<String>> secret) {
        Map<String, Entry> byUser = new LinkedHashMap<>();
        for (String[] entry : entries("navsync.security.users", users)) {
            byUser.put(entry[0], new Entry(entry[0], role("navsync.security.users", entry), digest(required(secret,
                    "user." + entry[0] + ".password"))));
        }
        List<Entry> keys = new ArrayList<>();
        for (String[] entry : entries("navsync.security.api-keys", apiKeys)) {
            keys.add(new Entry(entry[0], role("navsync.security.api-keys", entry), digest(required(secret,
                    "api-key." + entry[0] + ".secret"))));
        }
        return new Credentials(byUser, keys);
    }

    public boolean isEmpty() {
        return users.isEmpty() && apiKeys.isEmpty();
    }

    /** The caller an Authorization header (Basic) or an X-API-Key header proves, if any. */
    public Optional<Caller> authenticate(String authorization, String apiKey) {
        if (apiKey != null) {
            byte[] given = digest(apiKey);
            Entry match = null;
            for (Entry key : apiKeys) {
                if (MessageDigest.isEqual(key.digest(), given)) {
                    match = key;
                }
            }
            return Optional.ofNullable(match).map(e -> new Caller(e.name(), e.role()));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Entry user = users.get(decoded.substring(0, colon));
        byte[] given = digest(decoded.substring(colon + 1));
        // compare even for an unknown user, so the answer takes as long either way
        boolean same = MessageDigest.isEqual(user == null ? new byte[given.length] : user.digest(), given);
        return user != null && same ? Optional.of(new Caller(user.name(), user.role())) : Optional.empty();
    }

    private static List<String[]> entries(String key, String list) {
        List<String[]> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String item : list.split(",")) {
            String[] parts = item.trim().split(":", -1);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("configuration " + key + ": '" + item.trim()
                        + "' is not name:role (names of letters, digits, . _ -; roles viewer or operator)");
            }
            out.add(new String[] {parts[0].trim(), parts[1].trim()});
        }
        return out;
    }

    private static Role role(String key, String[] entry) {
        try {
            return Role.valueOf(entry[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + key + ": " + entry[0] + " has role '" + entry[1]
                    + "'; roles are viewer and operator");
        }
    }

    private static String required(Function<String, Optional<String>> secret, String name) {
        return secret.apply(name).orElseThrow(() -> new IllegalArgumentException("configuration navsync.security." + name
                + " (environment " + ("navsync.security." + name).toUpperCase().replaceAll("[.-]", "_")
                + ") is not set"));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
