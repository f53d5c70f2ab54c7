package navsync.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import navsync.security.ApiSecurity;

/**
 * The Hawtio console's {@code /hawtio/jolokia/*}: passes each Jolokia request (GET with the request in
 * the path, or POST with a JSON body) on to navsync's Jolokia and its answer back, so the console
 * sees exactly what that Jolokia's access policy allows.
 */
public final class JolokiaForwarder extends HttpServlet {

    /** Servlet context attribute: navsync's Jolokia URL, e.g. {@code http://127.0.0.1:9876/observe/jolokia}. */
    static final String TARGET_ATTRIBUTE = "navsync.jolokia.url";
    /** The credentials go on, so navsync's Jolokia checks the console user's role itself; Origin does not (see ConsoleGuard). */
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "Authorization",
            ApiSecurity.API_KEY_HEADER);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String target;

    @Override
    public void init() {
        target = (String) getServletContext().getAttribute(TARGET_ATTRIBUTE);
        if (target == null) {
            throw new IllegalStateException("servlet context attribute " + TARGET_ATTRIBUTE + " is not set");
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            response.sendError(405, "Jolokia takes GET and POST");
            return;
        }
        // the path as sent (still percent-encoded): a GET request carries MBean names with quotes and commas
        String path = request.getRequestURI().substring((request.getContextPath() + request.getServletPath()).length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(target + path + query))
                .timeout(Duration.ofSeconds(60))
                .method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes())
                        : HttpRequest.BodyPublishers.noBody());
        for (String header : FORWARDED_HEADERS) {
            String value = request.getHeader(header);
            if (value != null) {
                forwarded.header(header, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503, "interrupted");
            return;
        } catch (IOException e) {
            response.setStatus(502);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"status\":502,\"error\":\"navsync's Jolokia at " + target
                    + " did not answer: " + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
        response.getOutputStream().write(answer.body());
    }
}
