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
import org.openqa.selenium.WebElement;

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

        By customer = By.cssSelector("#mappings tr[data-mapping='CUSTOMER']");
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(customer).isEmpty());
        WebElement row = page.findElement(customer);
        int coupled = app.store().couplings().count("CUSTOMER");
        assertThat(row.findElement(By.cssSelector(".couplings")).getText()).isEqualTo(Integer.toString(coupled));
        assertThat(row.findElement(By.cssSelector(".skipped-count")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("Succeeded");
        assertThat(row.findElement(By.cssSelector(".counters")).getText()).contains("skip 0").contains("ins 0");

        By skipped = By.cssSelector("#errors tr[data-mapping='CUSTOMER'][data-key='10000']");
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(skipped).isEmpty());
        WebElement error = page.findElement(skipped);
        assertThat(error.findElement(By.cssSelector(".state")).getText()).startsWith("skipped");
        assertThat(error.getText()).contains("The Cannon Group PLC xxx").contains("160").contains("not created yet");

        error.findElement(By.cssSelector("button.retry")).click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(d ->
                d.findElement(skipped).findElement(By.cssSelector(".state")).getText().startsWith("failed"));
        assertThat(page.findElement(By.id("message")).getText()).contains("10000 will be synchronized again");
        assertThat(page.findElement(customer).findElement(By.cssSelector(".skipped-count")).getText()).isEqualTo("0");
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().skipped()).isFalse();

        // fixed in NAV and synchronized elsewhere: the page notices by itself
        new NavTables(app.nav()).execute("UPDATE " + NavTables.table("Customer")
                + " SET [Name] = 'The Cannon Group PLC' WHERE [No_] = '10000'");
        app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(1));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> d.findElements(skipped).isEmpty());
        assertThat(page.findElement(By.id("errors")).getText()).contains("No failed or skipped records.");
    }
}
