package navsync.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP GETs of navsync's REST API and metrics in tests. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a Prometheus sample over all its label sets ({@code name{...} value} lines), 0 when absent. */
    public static double metric(String prometheusText, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(prometheusText);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    /** The value of a sample with exactly these labels, e.g. {@code reason="throttled"}, 0 when absent. */
    public static double metric(String prometheusText, String sample, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + "\\{[^}]*" + Pattern.quote(label)
                + "[^}]*\\} ([0-9.eE+-]+)$").matcher(prometheusText);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
