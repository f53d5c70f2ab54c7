package navsync.sales;

import java.util.Optional;

/** Supplies the bearer token of Web API calls; empty where the service needs none (the sandbox by default). */
@FunctionalInterface
public interface AccessTokens {

    AccessTokens NONE = Optional::empty;

    Optional<String> bearerToken();
}
