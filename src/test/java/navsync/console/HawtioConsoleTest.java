package navsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import navsync.testing.HeadlessChromium;
import navsync.testing.NavsyncTestApp;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bundled Hawtio console in a real headless Chromium: it shows navsync's routes and MBeans read
 * through navsync's Jolokia, and stops and starts a route; the console's Jolokia keeps the access policy.
 */
class HawtioConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    NavsyncTestApp app;
    HeadlessChromium chromium;
    WebDriver browser;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theConsoleShowsNavsyncsRoutesAndMBeansAndStopsAndStartsARoute() throws Exception {
        int consolePort = AvailablePortFinder.getNextAvailable();
        app = NavsyncTestApp.start(data, Map.of("navsync.console.enabled", "true",
                "navsync.console.port", Integer.toString(consolePort)));
        String console = app.bean("hawtioConsole", HawtioConsole.class).url();
        assertThat(console).isEqualTo("http://127.0.0.1:" + consolePort + "/hawtio/");

        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.get(console + "camel/routes");
        List<String> routes = List.of("nav-to-sales-CUSTOMER", "sales-to-nav-CUSTOMER", "nav-to-sales-ITEM-PRODUCT",
                "coupling", "api-mappings", "api-synchronize");
        String step = "find the routes in the Camel tree";
        try {
            for (String route : routes) {
                waitForTreeNode(route);
            }

            // the routes table of the context: select a route and stop it
            step = "open the routes table";
            waitForTreeNode("routes").click();
            step = "stop nav-to-sales-CUSTOMER";
            WebElement row = waitFor(By.xpath("//table//tr[td[normalize-space()='nav-to-sales-CUSTOMER']]"));
            row.findElement(By.cssSelector("input[type=checkbox]")).click();
            waitFor(By.xpath("//button[normalize-space()='Stop' and not(@disabled)]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                    app.camel().getRouteController().getRouteStatus("nav-to-sales-CUSTOMER") == ServiceStatus.Stopped);
            WebElement stopped = waitFor(By.xpath(
                    "//table//tr[td[normalize-space()='nav-to-sales-CUSTOMER'] and td[normalize-space()='Stopped']]"));

            step = "start nav-to-sales-CUSTOMER again";
            WebElement checkbox = stopped.findElement(By.cssSelector("input[type=checkbox]"));
            if (!checkbox.isSelected()) {
                checkbox.click();
            }
            waitFor(By.xpath("//button[normalize-space()='Start' and not(@disabled)]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                    app.camel().getRouteController().getRouteStatus("nav-to-sales-CUSTOMER") == ServiceStatus.Started);
            waitFor(By.xpath("//table//tr[td[normalize-space()='nav-to-sales-CUSTOMER'] and td[normalize-space()='Started']]"));

            // navsync's own MBeans beside Camel's
            step = "find navsync's MBeans in the JMX tree";
            browser.get(console + "jmx");
            waitForTreeNode("navsync");
            waitFor(By.xpath("//button[normalize-space()='Expand all']")).click();
            waitFor(By.xpath("//*[@role='tree']//*[normalize-space(text())='CUSTOMER' or normalize-space(text())='\"CUSTOMER\"']"))
                    .click();
            waitFor(By.xpath("//td[contains(normalize-space(), 'Last job to integration table')"
                    + " or contains(normalize-space(), 'LastJobToIntegrationTable')]"));
        } catch (RuntimeException | AssertionError e) {
            Files.write(Path.of("target/hawtio-console.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("Hawtio console: could not " + step + " (screenshot target/hawtio-console.png"
                    + "); page text: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Test
    void withAuthenticationTheConsoleShowsTheRoutesToAnOperatorsBrowser() throws Exception {
        int consolePort = AvailablePortFinder.getNextAvailable();
        String password = "Op3rator-Pa55word-9e2d";
        app = NavsyncTestApp.start(data, Map.of("navsync.console.enabled", "true",
                "navsync.console.port", Integer.toString(consolePort), "navsync.security.enabled", "true",
                "navsync.security.users", "ops:operator", "navsync.security.user.ops.password", password));
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + consolePort + "/hawtio/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        // credentials in an address: the browser keeps them for the realm and answers the console's 401s with
        // them (not on the console's own page: fetch refuses to run on a page whose address holds credentials)
        browser.get("http://ops:" + password + "@127.0.0.1:" + consolePort + "/hawtio/favicon.ico");
        browser.get("http://127.0.0.1:" + consolePort + "/hawtio/camel/routes");
        try {
            waitForTreeNode("coupling");
            waitForTreeNode("nav-to-sales-CUSTOMER");
        } catch (RuntimeException | AssertionError e) {
            Files.write(Path.of("target/hawtio-console-signed-in.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("Hawtio console with authentication: no routes (screenshot"
                    + " target/hawtio-console-signed-in.png); page text: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Test
    void theConsolesJolokiaIsNavsyncsWithItsAccessPolicy() throws Exception {
        int consolePort = AvailablePortFinder.getNextAvailable();
        app = NavsyncTestApp.start(data, Map.of("navsync.console.enabled", "true",
                "navsync.console.port", Integer.toString(consolePort)));
        String jolokia = "http://127.0.0.1:" + consolePort + "/hawtio/jolokia";

        JsonNode version = get(jolokia + "/version");
        assertThat(version.path("status").asInt()).isEqualTo(200);
        assertThat(version.path("value").path("agent").asText()).as("navsync's Jolokia (camel-main), not the war's")
                .isEqualTo(getFromManagement("/observe/jolokia/version").path("value").path("agent").asText());

        JsonNode couplings = get(jolokia + "/read/navsync:type=mappings,name=%22CUSTOMER%22/Couplings");
        assertThat(couplings.path("status").asInt()).as("%s", couplings).isEqualTo(200);
        assertThat(couplings.path("value").asInt()).isZero();

        JsonNode read = post(jolokia, "{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=navsync,type=routes,"
                + "name=\\\"coupling\\\"\",\"attribute\":\"State\"}");
        assertThat(read.path("value").asText()).isEqualTo("Started");

        JsonNode write = post(jolokia, "{\"type\":\"write\",\"mbean\":\"org.apache.camel:context=navsync,type=routes,"
                + "name=\\\"coupling\\\"\",\"attribute\":\"Tracing\",\"value\":true}");
        assertThat(write.path("status").asInt()).as("writes are not in jolokia-access.xml: %s", write).isEqualTo(403);
        JsonNode diagnostic = post(jolokia, "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\","
                + "\"operation\":\"vmFlags\",\"arguments\":[[]]}");
        assertThat(diagnostic.path("status").asInt()).as("%s", diagnostic).isEqualTo(403);
    }

    @Test
    void theConsoleRefusesToListenBeyondLoopback() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HawtioConsole.start("192.0.2.1", 0, "http://127.0.0.1:1/observe/jolokia", data, null));
        assertThat(refused.getMessage()).contains("navsync.console.host", "192.0.2.1", "loopback");
    }

    private WebElement waitForTreeNode(String label) {
        return waitFor(By.xpath("//*[@role='tree']//*[normalize-space(text())='" + label + "']"));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> {
            List<WebElement> found = b.findElements(locator);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private JsonNode getFromManagement(String path) throws Exception {
        return get(app.managementUrl(path));
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
