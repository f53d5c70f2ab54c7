package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import navsync.mapping.Direction;
import navsync.nav.demo.DemoNavDatabase;
import navsync.nav.demo.SyntheticCustomers;
import navsync.sandbox.SalesSandbox;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * navsync in a child JVM, killed with {@code Process.destroyForcibly()} (SIGKILL: no shutdown hook,
 * no clean stop) and restarted: three times during the initial synchronization of 20,000 customers,
 * three times while 20,000 new accounts become NAV customers (Sales -> NAV), once during a Synchronize
 * Now of 10,000 keys, and once during the matching and once during the creation phase of a match-based
 * coupling; the NAV and state databases are H2 files and the Sales sandbox lives in this JVM, so all
 * three survive the kills. A manual job cut off is resumed at the restart. At the end every record
 * exists once on both sides, each coupled once, with equal values, and the job log shows the
 * interrupted runs.
 */
class CrashSafetyTest {

    private static final int CUSTOMERS = 20_000;
    private static final int SELECTED = 10_000;
    /** Customers of the match-based coupling killed while it matches (half of them matched). */
    private static final int MATCHED_WHEN_KILLED = 4_000;
    private static final int[] KILL_AT_ACCOUNTS = {3_000, 9_000, 15_000};
    /** Sales -> NAV: each of three runs is killed once it has created this many customers. */
    private static final int KILLS = 3;
    private static final int CREATED_BEFORE_EACH_KILL = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The child leaves the demo NAV company as prepared, without customers (its start loads CRONUS into an empty one). */
    private static final String NO_DEMO_DATA = "-Dnavsync.nav.demo=false";

    @TempDir
    Path dir;

    @Test
    void killedThreeTimesDuringTheInitialSynchronizationEveryCustomerEndsUpInSalesOnce() throws Exception {
        // navsync's defaults under its data folder: the demo NAV database and the H2 state store in files
        String navUrl = navUrl();
        prepareNav(navUrl, CUSTOMERS);

        try (SalesSandbox sandbox = SalesSandbox.start()) {
            for (int threshold : KILL_AT_ACCOUNTS) {
                Child child = Child.start(dir, sandbox.organizationUrl());
                child.synchronizeCustomers();
                child.killWhen(sandbox, threshold);
                assertThat(sandbox.rowCount("accounts")).as("killed in the middle of the run").isLessThan(CUSTOMERS);
            }

            Child last = Child.start(dir, sandbox.organizationUrl());
            UUID finalJob = last.synchronizeCustomers();
            JsonNode job = last.awaitJob(finalJob, Duration.ofSeconds(120));
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("Succeeded");
            assertThat(job.path("failed").asInt()).isZero();
            last.assertKilledRunsInTheJobLog(KILL_AT_ACCOUNTS.length);
            assertThat(last.log()).as("the start-up test connection").contains("Connected to Sales " + sandbox.organizationUrl());
            last.stop();
            assertEveryCustomerInSalesOnce(sandbox, navUrl, CUSTOMERS);
        }
    }

    @Test
    void killedDuringASynchronizeNowOf10000KeysTheNextStartResumesIt() throws Exception {
        String navUrl = navUrl();
        List<String> keys = prepareNav(navUrl, SELECTED);
        try (SalesSandbox sandbox = SalesSandbox.start()) {
            Child child = Child.start(dir, sandbox.organizationUrl());
            JsonNode started = child.post("/api/mappings/CUSTOMER/records/synchronize", Map.of("keys", keys), 202);
            UUID killed = UUID.fromString(started.path("jobId").asText());
            child.killWhen(sandbox, 3_000);

            assertResumedAtTheNextStart(sandbox, killed, SELECTED);
            assertEveryCustomerInSalesOnce(sandbox, navUrl, SELECTED);
        }
    }

    @Test
    void killedWhileMatchBasedCouplingCreatesTheUnmatchedTheNextStartResumesIt() throws Exception {
        String navUrl = navUrl();
        List<String> keys = prepareNav(navUrl, SELECTED);
        try (SalesSandbox sandbox = SalesSandbox.start()) {
            int matched = createEveryOtherAccount(sandbox, keys);
            Child child = Child.start(dir, sandbox.organizationUrl());
            JsonNode coupled = child.post("/api/mappings/CUSTOMER/records/match-based-coupling", matchOnNumber(null), 200);
            assertThat(coupled.path("matched").asInt()).as(coupled.toString()).isEqualTo(matched);
            UUID killed = UUID.fromString(coupled.path("synchronizeJobId").asText());
            child.killWhen(sandbox, matched + 1_500);

            assertResumedAtTheNextStart(sandbox, killed, SELECTED);
            assertEveryCustomerInSalesOnce(sandbox, navUrl, SELECTED);
            assertThat(sandbox.rows("accounts").stream().filter(a -> String.valueOf(a.get("name")).startsWith("existing ")))
                    .as("the matched accounts were coupled, not recreated").isEmpty();
        }
    }

    @Test
    void killedThreeTimesWhileCreatingCustomersFrom20000AccountsEveryAccountEndsUpInNavOnce() throws Exception {
        String navUrl = navUrl();
        prepareNav(navUrl, 0);
        // the shipped series CUST-0001 ends at CUST-9999: a wider one numbers 20,000 new customers
        Path mappings = NavsyncTestApp.mappingsWithBatchSize(dir.resolve("mappings"), 1000);
        Path customer = mappings.resolve("customer.yaml");
        String withSeries = Files.readString(customer).replace("numberSeries: CUST-0001", "numberSeries: CUST-000001");
        assertThat(withSeries).contains("numberSeries: CUST-000001");
        Files.writeString(customer, withSeries);

        try (SalesSandbox sandbox = SalesSandbox.start()) {
            SalesRows sales = new SalesRows(sandbox.organizationUrl());
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (int i = 1; i <= CUSTOMERS; i++) {
                accounts.add(Map.of("name", "Account " + i, "address1_city", "City " + i % 97,
                        "telephone1", "+1 555 " + i, "customertypecode", 3));
                if (accounts.size() == 1000) {
                    sales.createMultiple("accounts", "account", accounts);
                    accounts.clear();
                }
            }
            String stateUrl = stateUrl();
            // soon after a batch is committed: the next one is being read or planned
            Child first = Child.start(dir, sandbox.organizationUrl(), mappings, NO_DEMO_DATA);
            first.killWhenInserted(first.synchronizeCustomers(Direction.FromIntegrationTable), CREATED_BEFORE_EACH_KILL, 0);
            // inside a batch: its new keys are coupled (pending), NAV not written yet
            String pendingKey = String.format("CUST-%06d", highestKeyNumber(couplings(stateUrl).keySet()) + 4_001);
            Child second = Child.start(dir, sandbox.organizationUrl(), mappings, NO_DEMO_DATA);
            second.synchronizeCustomers(Direction.FromIntegrationTable);
            second.killWhenCoupled(pendingKey);
            assertThat(navCustomers(navUrl)).as("killed before NAV got %s", pendingKey).doesNotContainKey(pendingKey);
            // later in a batch: most often while NAV is written or the couplings are committed
            Child third = Child.start(dir, sandbox.organizationUrl(), mappings, NO_DEMO_DATA);
            third.killWhenInserted(third.synchronizeCustomers(Direction.FromIntegrationTable), CREATED_BEFORE_EACH_KILL, 700);
            assertThat(navCustomers(navUrl)).as("killed in the middle of the creation").hasSizeLessThan(CUSTOMERS);

            Child last = Child.start(dir, sandbox.organizationUrl(), mappings, NO_DEMO_DATA);
            UUID finalJob = last.synchronizeCustomers(Direction.FromIntegrationTable);
            JsonNode job = last.awaitJob(finalJob, Duration.ofSeconds(180));
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("Succeeded");
            assertThat(job.path("failed").asInt()).isZero();
            assertThat(job.path("inserted").asInt()).as("left for the last run").isPositive();
            last.assertKilledRunsInTheJobLog(KILLS);
            last.stop();
            assertEveryAccountInNavOnce(sandbox, navUrl);
        }
    }

    @Test
    void killedWhileMatchBasedCouplingMatchesTheNextStartResumesIt() throws Exception {
        String navUrl = navUrl();
        List<String> keys = prepareNav(navUrl, MATCHED_WHEN_KILLED);
        try (SalesSandbox sandbox = SalesSandbox.start()) {
            createEveryOtherAccount(sandbox, keys);
            Child child = Child.start(dir, sandbox.organizationUrl());
            child.postWithoutAnswer("/api/mappings/CUSTOMER/records/match-based-coupling", matchOnNumber(keys));
            // the coupling job's row is committed a moment before its request: the kill comes after both
            UUID killed = child.killWhenRunning("Coupling", 100);
            assertThat(couplings(stateUrl())).as("killed while matching: nothing coupled yet").isEmpty();

            Child next = Child.start(dir, sandbox.organizationUrl());
            JsonNode coupling = resumedAtTheNextStart(next, killed, keys.size());
            assertThat(coupling.path("coupled").asInt()).as(coupling.toString()).isEqualTo(keys.size() / 2);
            JsonNode creation = next.awaitJob(next.latestJob("Synchronization"), Duration.ofSeconds(120));
            assertThat(creation.path("status").asText()).as(creation.toString()).isEqualTo("Succeeded");
            assertThat(creation.path("failed").asInt()).isZero();
            next.stop();
            assertEveryCustomerInSalesOnce(sandbox, navUrl, keys.size());
            assertThat(sandbox.rows("accounts").stream().filter(a -> String.valueOf(a.get("name")).startsWith("existing ")))
                    .as("the matched accounts were coupled, not recreated").isEmpty();
        }
    }

    /** Every other customer has its account already, uncoupled, with its number; returns how many. */
    private static int createEveryOtherAccount(SalesSandbox sandbox, List<String> keys) {
        SalesRows sales = new SalesRows(sandbox.organizationUrl());
        List<Map<String, Object>> existing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 2) {
            existing.add(Map.of("name", "existing " + keys.get(i), "accountnumber", keys.get(i), "customertypecode", 3));
            if (existing.size() == 1000 || i + 2 >= keys.size()) {
                sales.createMultiple("accounts", "account", existing);
                existing.clear();
            }
        }
        return sandbox.rowCount("accounts");
    }

    /**
     * Match-based coupling on the customer number (of {@code keys}, or all uncoupled customers when null); the
     * job after it creates the unmatched accounts and synchronizes the matched ones.
     */
    private static Map<String, Object> matchOnNumber(List<String> keys) {
        Map<String, Object> request = new HashMap<>(Map.of("fields", List.of(Map.of("nav", "No.", "sales", "accountnumber")),
                "createNew", true, "synchronize", "ToIntegrationTable"));
        if (keys != null) {
            request.put("keys", keys);
        }
        return request;
    }

    /** A restarted navsync resumes the killed job by itself, and both jobs say so. */
    private void assertResumedAtTheNextStart(SalesSandbox sandbox, UUID killed, int records) throws Exception {
        Child next = Child.start(dir, sandbox.organizationUrl());
        resumedAtTheNextStart(next, killed, records);
        next.stop();
    }

    /** The job that resumed the killed one, finished; both jobs say which the other is. */
    private static JsonNode resumedAtTheNextStart(Child next, UUID killed, int records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode interrupted = next.get("/api/jobs/" + killed);
        while (!interrupted.path("message").asText().contains("resumed at the next start as job ")) {
            assertThat(System.nanoTime()).as("job %s resumed; log:%n%s", killed, next.log()).isLessThan(deadline);
            Thread.sleep(200);
            interrupted = next.get("/api/jobs/" + killed);
        }
        String message = interrupted.path("message").asText();
        assertThat(interrupted.path("status").asText()).isEqualTo("Failed");
        assertThat(message).startsWith("interrupted").contains("over its " + records + " records");
        UUID resumed = UUID.fromString(message.replaceAll(".*resumed at the next start as job (\\S+) .*", "$1"));
        JsonNode job = next.awaitJob(resumed, Duration.ofSeconds(180));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("Succeeded");
        assertThat(job.path("failed").asInt()).isZero();
        assertThat(job.path("message").asText()).contains("resumes job " + killed);
        return job;
    }

    private String navUrl() {
        return DemoNavDatabase.fileJdbcUrl(dir.resolve("data").resolve("nav-demo"));
    }

    /** Sales holds every customer once, each coupled once, with NAV's values. */
    private void assertEveryCustomerInSalesOnce(SalesSandbox sandbox, String navUrl, int count) throws Exception {
        String stateUrl = "jdbc:h2:file:" + dir.resolve("data").resolve("navsync").toAbsolutePath();
        List<Map<String, Object>> accounts = sandbox.rows("accounts");
        assertThat(accounts).hasSize(count);
        Map<UUID, Map<String, Object>> accountsById = new HashMap<>();
        accounts.forEach(a -> accountsById.put(UUID.fromString(String.valueOf(a.get("accountid"))), a));
        Map<String, Map<String, Object>> customers = navCustomers(navUrl);
        Map<String, UUID> couplings = couplings(stateUrl);
        assertThat(couplings).as("each customer coupled once").hasSize(count);
        assertThat(new HashSet<>(couplings.values())).as("each account coupled once").hasSize(count);
        for (Map.Entry<String, UUID> coupling : couplings.entrySet()) {
            Map<String, Object> account = accountsById.get(coupling.getValue());
            Map<String, Object> customer = customers.get(coupling.getKey());
            assertThat(account).as("account of customer %s", coupling.getKey()).isNotNull();
            assertThat(account.get("accountnumber")).isEqualTo(coupling.getKey());
            assertThat(account.get("name")).isEqualTo(customer.get("Name"));
            assertThat(account.get("address1_city")).isEqualTo(blankToNull(customer.get("City")));
            assertThat(account.get("telephone1")).isEqualTo(blankToNull(customer.get("Phone No_")));
        }
    }

    /** NAV holds a customer for every account, once, each coupled once, with the account's values. */
    private void assertEveryAccountInNavOnce(SalesSandbox sandbox, String navUrl) throws Exception {
        String stateUrl = stateUrl();
        List<Map<String, Object>> accounts = sandbox.rows("accounts");
        assertThat(accounts).hasSize(CUSTOMERS);
        Map<String, Map<String, Object>> customers = navCustomers(navUrl);
        assertThat(customers).as("one NAV customer per account, no duplicate").hasSize(CUSTOMERS);
        Map<String, UUID> couplings = couplings(stateUrl);
        assertThat(couplings).as("each customer coupled once").hasSize(CUSTOMERS);
        assertThat(new HashSet<>(couplings.values())).as("each account coupled once").hasSize(CUSTOMERS);
        assertThat(pendingCouplings(stateUrl)).as("couplings never written").isZero();
        Map<UUID, String> customerOfAccount = new HashMap<>();
        couplings.forEach((key, account) -> customerOfAccount.put(account, key));
        for (Map<String, Object> account : accounts) {
            UUID id = UUID.fromString(String.valueOf(account.get("accountid")));
            String key = customerOfAccount.get(id);
            assertThat(key).as("account %s %s coupled", id, account.get("name")).isNotNull();
            Map<String, Object> customer = customers.get(key);
            assertThat(customer).as("NAV customer %s of account %s", key, id).isNotNull();
            assertThat(customer.get("Name")).isEqualTo(account.get("name"));
            assertThat(customer.get("City")).isEqualTo(account.get("address1_city"));
            assertThat(customer.get("Phone No_")).isEqualTo(account.get("telephone1"));
            assertThat(account.get("accountnumber")).as("the new customer's number, written back").isEqualTo(key);
        }
    }

    private static int highestKeyNumber(Set<String> keys) {
        return keys.stream().mapToInt(k -> Integer.parseInt(k.substring("CUST-".length()))).max().orElse(0);
    }

    private String stateUrl() {
        return "jdbc:h2:file:" + dir.resolve("data").resolve("navsync").toAbsolutePath();
    }

    /** The demo company with {@code count} synthetic customers instead of CRONUS's, none blocked; returns their keys. */
    private static List<String> prepareNav(String url, int count) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        DemoNavDatabase.install(ds, NavTables.COMPANY);
        String customers = NavTables.table("Customer");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + customers);
        }
        SyntheticCustomers.insert(ds, NavTables.COMPANY, count, 20_000);
        List<String> keys = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + customers + " SET [Blocked] = 0");
            try (ResultSet rs = st.executeQuery("SELECT [No_] FROM " + customers + " ORDER BY [No_]")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    private static Map<String, Map<String, Object>> navCustomers(String url) throws Exception {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT [No_], [Name], [City], [Phone No_] FROM " + NavTables.table("Customer"))) {
            while (rs.next()) {
                rows.put(rs.getString(1), Map.of("Name", rs.getString(2), "City", rs.getString(3),
                        "Phone No_", rs.getString(4)));
            }
        }
        return rows;
    }

    private static Map<String, UUID> couplings(String stateUrl) throws Exception {
        Map<String, UUID> couplings = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stateUrl, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT nav_key, sales_id FROM coupling WHERE mapping_name = 'CUSTOMER'")) {
            while (rs.next()) {
                assertThat(couplings.put(rs.getString(1), rs.getObject(2, UUID.class))).isNull();
            }
        }
        return couplings;
    }

    private static int pendingCouplings(String stateUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(stateUrl, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM coupling WHERE mapping_name = 'CUSTOMER'"
                     + " AND nav_version IS NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Object blankToNull(Object value) {
        return value == null || "".equals(value) ? null : value;
    }

    /** navsync as {@code java ... navsync.app.NavsyncMain} starts it, on files in {@code dir}. */
    private record Child(Process process, int port, Path logFile) {

        static Child start(Path dir, String salesUrl) throws Exception {
            return start(dir, salesUrl, NavsyncTestApp.mappingsWithBatchSize(dir.resolve("mappings"), 1000));
        }

        /** {@code properties}: more -D options of the child. */
        static Child start(Path dir, String salesUrl, Path mappings, String... properties) throws Exception {
            int port = AvailablePortFinder.getNextAvailable();
            int management = AvailablePortFinder.getNextAvailable();
            Path log = Files.createTempFile(dir, "navsync-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                    // short-lived JVMs: C1 only and a serial collector start faster and leave the CPU to the run
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    "-Dnavsync.http.port=" + port, "-Dnavsync.management.port=" + management,
                    "-Dnavsync.data-dir=" + dir.resolve("data"), "-Dnavsync.sales.sandbox=false",
                    "-Dnavsync.sales.url=" + salesUrl,
                    "-Dnavsync.run-on-start=none", "-Dnavsync.schedules.enabled=false",
                    // the console's fixed port may be taken on a shared machine; it is not under test here
                    "-Dnavsync.console.enabled=false",
                    "-Dnavsync.mappings-dir=" + mappings));
            command.addAll(List.of(properties));
            command.add("navsync.app.NavsyncMain");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Child child = new Child(process, port, log);
            child.awaitReady();
            return child;
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("navsync started; its log:%n%s", log()).isTrue();
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/api/mappings")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new AssertionError("navsync did not answer in 90 s; its log:\n" + log());
        }

        UUID synchronizeCustomers() throws Exception {
            return synchronizeCustomers(Direction.ToIntegrationTable);
        }

        UUID synchronizeCustomers(Direction direction) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url("/api/mappings/CUSTOMER/synchronize?direction=" + direction))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return UUID.fromString(JSON.readTree(r.body()).path("jobId").asText());
        }

        /** Posts a JSON body; the answer must have {@code status}. */
        JsonNode post(String path, Object body, int status) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
            return JSON.readTree(r.body());
        }

        /** Kills the child (SIGKILL) once Sales holds {@code accounts} accounts, before its job is done. */
        void killWhen(SalesSandbox sandbox, int accounts) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (sandbox.rowCount("accounts") < accounts) {
                assertThat(System.nanoTime()).as("%d accounts written in time; child log:%n%s", accounts, log())
                        .isLessThan(deadline);
                assertThat(process.isAlive()).as("child alive; its log:%n%s", log()).isTrue();
                Thread.sleep(5);
            }
            process.destroyForcibly().waitFor();
        }

        /** Posts a JSON body and does not wait for the answer (the child is killed before it comes). */
        void postWithoutAnswer(String path, Object body) throws Exception {
            HTTP.sendAsync(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        /** Kills the child (SIGKILL) {@code delayMs} after a job of {@code type} is seen running; returns that job's id. */
        UUID killWhenRunning(String type, long delayMs) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                for (JsonNode job : get("/api/jobs?mapping=CUSTOMER&limit=5")) {
                    if (job.path("type").asText().equals(type) && job.path("status").asText().equals("Running")) {
                        Thread.sleep(delayMs);
                        process.destroyForcibly().waitFor();
                        return UUID.fromString(job.path("id").asText());
                    }
                }
                assertThat(System.nanoTime()).as("a %s job in time; child log:%n%s", type, log()).isLessThan(deadline);
                Thread.sleep(2);
            }
        }

        /** The newest job of {@code type}, once there is one. */
        UUID latestJob(String type) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                JsonNode jobs = get("/api/jobs?mapping=CUSTOMER&limit=10");
                for (JsonNode job : jobs) {
                    if (job.path("type").asText().equals(type)) {
                        return UUID.fromString(job.path("id").asText());
                    }
                }
                assertThat(System.nanoTime()).as("a %s job: %s", type, jobs).isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        /** Kills the child (SIGKILL) {@code delayMs} after its job has inserted {@code records} records, before it is done. */
        void killWhenInserted(UUID job, int records, long delayMs) throws Exception {
            awaitInserted(job, records);
            Thread.sleep(delayMs);
            process.destroyForcibly().waitFor();
        }

        /** Kills the child (SIGKILL) once {@code navKey} is coupled: its batch is planned, not yet committed. */
        void killWhenCoupled(String navKey) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            URI coupling = url("/api/mappings/CUSTOMER/records/" + navKey + "/coupling");
            while (HTTP.send(HttpRequest.newBuilder(coupling).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                assertThat(System.nanoTime()).as("%s coupled in time; child log:%n%s", navKey, log()).isLessThan(deadline);
                assertThat(process.isAlive()).as("child alive; its log:%n%s", log()).isTrue();
                Thread.sleep(5);
            }
            process.destroyForcibly().waitFor();
        }

        /** Waits until the job has inserted at least {@code records} records; the job must still run. */
        private void awaitInserted(UUID job, int records) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            JsonNode now = get("/api/jobs/" + job);
            while (now.path("inserted").asInt() < records) {
                assertThat(System.nanoTime()).as("%d records inserted in time; child log:%n%s", records, log())
                        .isLessThan(deadline);
                Thread.sleep(20);
                now = get("/api/jobs/" + job);
            }
            assertThat(now.path("status").asText()).as("job running: %s", now).isEqualTo("Running");
        }

        void assertKilledRunsInTheJobLog(int kills) throws Exception {
            JsonNode jobs = get("/api/jobs?mapping=CUSTOMER&limit=50");
            List<JsonNode> interrupted = new ArrayList<>();
            jobs.forEach(j -> {
                if (j.path("status").asText().equals("Failed") && j.path("message").asText().startsWith("interrupted")) {
                    interrupted.add(j);
                }
            });
            assertThat(interrupted).as("the job log shows the killed runs: %s", jobs).hasSize(kills);
        }

        JsonNode awaitJob(UUID id, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode job = get("/api/jobs/" + id);
                if (!job.path("status").asText().equals("Running") || System.nanoTime() > deadline) {
                    return job;
                }
                Thread.sleep(200);
            }
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        String log() {
            try {
                String text = Files.readString(logFile);
                return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private URI url(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
