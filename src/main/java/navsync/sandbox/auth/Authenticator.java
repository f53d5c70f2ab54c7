package navsync.sandbox.auth;

import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.http.ApiHandler;
import navsync.sandbox.http.ApiResponse;
import navsync.sandbox.http.IncomingRequest;

/**
 * Lets a Web API request through only with a valid bearer token [OAUTH]; the caller is then the application user of
 * the token's client. A missing or wrong token answers 401 RequestIsNotAuthenticated, an expired one 401
 * AccessTokenExpired (codes and texts from [ERRCODES]; which code Dataverse picks for which case is inference). The
 * {@code WWW-Authenticate} challenge has the shape Dataverse sends, naming the authority and the resource
 * ({@code Bearer authorization_uri=https://login.microsoftonline.com/<tenant>/oauth2/authorize,
 * resource_id=https://<org>/}, as seen in AzureAD/microsoft-authentication-library-for-dotnet issue 3112; the
 * reference doesn't give it), with this sandbox as the authority.
 */
public final class Authenticator implements ApiHandler {
    private final TokenService tokens;
    private final ApiHandler next;
    private final String challenge;

    public Authenticator(TokenService tokens, String organizationUrl, ApiHandler next) {
        this.tokens = tokens;
        this.next = next;
        this.challenge = "Bearer authorization_uri=" + organizationUrl + "/" + tokens.options().tenant()
                + "/oauth2/authorize, resource_id=" + organizationUrl + "/";
    }

    @Override
    public ApiResponse handle(IncomingRequest request) {
        return switch (tokens.check(request.header("Authorization"), request.origin())) {
            case VALID -> next.handle(request.withCaller(tokens.options().clientId()));
            case EXPIRED -> unauthorized(ErrorCodes.ACCESS_TOKEN_EXPIRED, "The requested resource requires authentication.",
                    ", error=\"invalid_token\", error_description=\"The access token is expired\"");
            case INVALID -> unauthorized(ErrorCodes.REQUEST_NOT_AUTHENTICATED, "Request is not authenticated.",
                    ", error=\"invalid_token\"");
            case MISSING -> unauthorized(ErrorCodes.REQUEST_NOT_AUTHENTICATED, "Request is not authenticated.", "");
        };
    }

    private ApiResponse unauthorized(String code, String message, String error) {
        return ApiResponse.error(401, code, message).header("WWW-Authenticate", challenge + error);
    }
}
