package navsync.console;

import java.util.Optional;
import navsync.security.ApiSecurity;
import navsync.security.BrowserOrigin;
import navsync.security.Credentials;
import navsync.security.Role;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of the Hawtio console: the REST API's users and API keys (any role; the Jolokia requests
 * the console forwards need an operator there) when authentication is on, and no request on behalf
 * of another site's page, nor, without authentication, for a Host name other than loopback.
 */
final class ConsoleGuard extends Handler.Wrapper {

    private final Credentials credentials;

    /** {@code credentials} null: no authentication (the console then listens on loopback only). */
    ConsoleGuard(Handler console, Credentials credentials) {
        super(console);
        this.credentials = credentials;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String what = request.getMethod() + " " + request.getHttpURI().getPath();
        if (credentials != null) {
            ApiSecurity.Verdict verdict = ApiSecurity.check(credentials, request.getHeaders().get(HttpHeader.AUTHORIZATION),
                    request.getHeaders().get(ApiSecurity.API_KEY_HEADER), new ApiSecurity.Need(Role.viewer, "the console"),
                    what, Request.getRemoteAddr(request));
            if (!verdict.allowed()) {
                if (verdict.status() == 401) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, ApiSecurity.CHALLENGE);
                }
                return answer(response, callback, verdict.status(), verdict.title(), verdict.detail());
            }
        }
        Optional<String> foreign = BrowserOrigin.refusal(request.getHeaders().get(HttpHeader.ORIGIN),
                request.getHeaders().get(HttpHeader.REFERER), request.getHeaders().get(HttpHeader.HOST), credentials != null);
        if (foreign.isPresent()) {
            return answer(response, callback, 403, "Forbidden", foreign.get());
        }
        return super.handle(request, response, callback);
    }

    private static boolean answer(Response response, Callback callback, int status, String title, String detail) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        Content.Sink.write(response, true, ApiSecurity.problem(status, title, detail), callback);
        return true;
    }
}
