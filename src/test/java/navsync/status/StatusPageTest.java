package navsync.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import navsync.mapping.Direction;
import navsync.testing.FailingRecords;
import navsync.testing.HeadlessChromium;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The status page in a real headless Chromium: what it shows, its retry action, and its own refresh. */
class StatusPageTest {

    @TempDir
    Path data;
    NavsyncTestApp app;
    HeadlessChromium browser;

    @BeforeEach
    void start() {
        browser = HeadlessChromium.start();
        app = NavsyncTestApp.start(data, Map.of("navsync.sync.skip-after-failures", "2"));
        FailingRecords.skipCustomer10000(app);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void showsTheLastRunAndASkippedRecordAndRetryTakesItBack() {
        WebDriver page = browser.driver();
        page.get(app.apiUrl("/status"));
        assertThat(page.getTitle()).isEqualTo("navsync status");

        // the page redraws its tables every few seconds: every read finds its element again
        String customer = "#mappings tr[data-mapping='CUSTOMER'] ";
        int coupled = app.store().couplings().count("CUSTOMER");
        assertThat(browser.text(By.cssSelector(customer + ".couplings"))).isEqualTo(Integer.toString(coupled));
        assertThat(browser.text(By.cssSelector(customer + ".skipped-count"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector(customer + ".job-status"))).isEqualTo("Succeeded");
        // the last run's failure made 10000 skipped: that job counts it skipped
        assertThat(browser.text(By.cssSelector(customer + ".counters"))).contains("skip 1").contains("fail 0")
                .contains("ins 0");

        String skipped = "#errors tr[data-mapping='CUSTOMER'][data-key='10000']";
        assertThat(browser.text(By.cssSelector(skipped + " .state"))).startsWith("skipped");
        assertThat(browser.text(By.cssSelector(skipped))).contains("The Cannon Group PLC xxx").contains("160")
                .contains("not created yet");

        browser.click(By.cssSelector(skipped + " button.retry"));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d ->
                d.findElement(By.cssSelector(skipped + " .state")).getText().startsWith("failed"));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id("message")).getText().contains("10000 will be synchronized again"));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d ->
                d.findElement(By.cssSelector(customer + ".skipped-count")).getText().equals("0"));
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().skipped()).isFalse();

        // fixed in NAV and synchronized elsewhere: the page notices by itself
        new NavTables(app.nav()).execute("UPDATE " + NavTables.table("Customer")
                + " SET [Name] = 'The Cannon Group PLC' WHERE [No_] = '10000'");
        app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(1));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(skipped)).isEmpty());
        assertThat(browser.text(By.id("errors"))).contains("No failed or skipped records.");
    }
}
