package navsync.sales;

import java.util.Optional;

/** Supplies the bearer token of Web API calls; empty where the service needs none (the sandbox by default). */
public interface AccessTokens {

    AccessTokens NONE = Optional::empty;

    Optional<String> bearerToken();

    /**
     * The service refused {@code token} (401): the next {@link #bearerToken()} must not return it
     * again. A no-op where there are no tokens.
     */
    default void rejected(String token) {
    }
}
