package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import navsync.nav.demo.DemoNavDatabase;
import navsync.testing.TestDatabases;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two navsync processes on one PostgreSQL state store share the mappings' Quartz triggers: each
 * firing runs on exactly one of them, a pause on one pauses both, and when one is killed the other
 * carries on. Each instance
 * has its own demo NAV database and Sales sandbox (the CURRENCY mapping, coupled records only, has
 * nothing to write): what is shared, and checked, is the schedule and the job table.
 */
class ClusteredScheduleTest {

    private static final Pattern FIRED = Pattern.compile(
            "Scheduled synchronization of CURRENCY fired for (\\S+) on instance (\\S+)");
    private static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @TempDir
    Path work;
    String schema;
    final List<Instance> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(i -> i.process.destroyForcibly());
        if (schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    void eachFiringRunsOnOneInstanceAndTheOtherTakesOverWhenOneDies() throws Exception {
        schema = "navsync_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String stateUrl = TestDatabases.postgresSchemaUrl(schema);
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("currency.yaml"), Files.readString(Path.of("mappings/currency.yaml"))
                .replaceAll("\n  inactivitySleep: [^\n]*", "")
                .replace("interval: 30m", "interval: 2s"));

        instances.add(start("a", stateUrl, mappings));
        instances.add(start("b", stateUrl, mappings));
        for (Instance instance : instances) {
            waitFor(instance::answers, Duration.ofSeconds(120), "instance " + instance.name + " serves its REST API");
        }
        waitFor(() -> firings().size() >= 5, Duration.ofSeconds(60), "five firings of the 2-second schedule");
        assertThat(schedulerInstances()).as("both instances check in to the shared job store").isEqualTo(2);

        // pausing on one instance pauses the shared trigger: no instance fires until it is resumed on the other
        assertThat(state(instances.get(0).post("/api/schedules/CURRENCY/pause"))).isEqualTo("Paused");
        Thread.sleep(1000); // a firing already under way may still log
        int beforePause = firings().size();
        Thread.sleep(5000);
        assertThat(firings()).as("a paused schedule fires nowhere").hasSize(beforePause);
        assertThat(state(instances.get(1).get("/api/schedules"))).as("seen from the other instance").isEqualTo("Paused");
        assertThat(state(instances.get(1).post("/api/schedules/CURRENCY/resume"))).isEqualTo("Started");
        waitFor(() -> firings().size() > beforePause, Duration.ofSeconds(30), "the resumed schedule fires");

        // kill -9 the instance that ran the latest firing; the other one must carry on
        Firing latest = firings().stream().max((x, y) -> x.at.compareTo(y.at)).orElseThrow();
        Instance killed = instances.stream().filter(i -> i.firings().stream().anyMatch(f -> f.equals(latest)))
                .findFirst().orElseThrow();
        Instance survivor = instances.stream().filter(i -> i != killed).findFirst().orElseThrow();
        int survivorFiringsBefore = survivor.firings().size();
        killed.process.destroyForcibly().waitFor();
        Instant killedAt = Instant.now();
        // the survivor takes over the trigger (after Quartz's failed-instance check when the dead one
        // had already acquired the next firing) and runs the mapping
        waitFor(() -> survivor.firings().size() >= survivorFiringsBefore + 3 && jobsStartedAfter(killedAt) >= 1,
                Duration.ofSeconds(60), "instance " + survivor.name + " runs the schedule after " + killed.name + " died");
        survivor.process.destroy();
        survivor.process.waitFor();

        List<Firing> firings = firings();
        Set<Instant> fireTimes = new HashSet<>();
        for (Firing firing : firings) {
            assertThat(fireTimes.add(firing.at)).as("firing %s ran on one instance only; all: %s", firing.at, firings)
                    .isTrue();
        }
        assertThat(firings.stream().map(f -> f.instance).distinct().count()).as("two Quartz instances: %s", firings)
                .isEqualTo(2);
        // firings that were late (taken over from the dead instance) come in a burst: the first runs,
        // the rest are skipped because the mapping ran less than an interval ago
        long skipped = instances.stream().mapToLong(Instance::skippedFirings).sum();
        assertThat(jobs("CURRENCY")).as("one job per firing that was not skipped (%d firings, %d skipped)",
                firings.size(), skipped).isEqualTo(firings.size() - skipped);
        assertThat(jobs("CURRENCY")).isGreaterThanOrEqualTo(5);
    }

    private Instance start(String name, String stateUrl, Path mappings) throws IOException {
        int port = AvailablePortFinder.getNextAvailable();
        Path data = Files.createDirectories(work.resolve("data-" + name));
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        for (String[] setting : new String[][] {
                {"navsync.http.port", Integer.toString(port)},
                {"navsync.management.port", Integer.toString(AvailablePortFinder.getNextAvailable())},
                {"navsync.data-dir", data.toString()},
                {"navsync.mappings-dir", mappings.toString()},
                {"navsync.nav.url", DemoNavDatabase.jdbcUrl("nav-" + name)},
                {"navsync.sales.sandbox-persist", "false"},
                {"navsync.state.url", stateUrl},
                {"navsync.state.user", TestDatabases.POSTGRES_USER},
                {"navsync.run-on-start", "none"},
                {"navsync.console.enabled", "false"},
                {"navsync.schedules.cluster-checkin-ms", "1000"}}) {
            command.add("-D" + setting[0] + "=" + setting[1]);
        }
        command.add("navsync.app.NavsyncMain");
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(name, process, port, log);
    }

    /** The CURRENCY schedule's state in an answer of the schedules API (one schedule, or the list). */
    private static String state(String json) throws IOException {
        com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (com.fasterxml.jackson.databind.JsonNode schedule : answer.isArray() ? answer : List.of(answer)) {
            if (schedule.path("mapping").asText().equals("CURRENCY")) {
                return schedule.path("state").asText();
            }
        }
        throw new AssertionError("no CURRENCY schedule in " + json);
    }

    private List<Firing> firings() {
        List<Firing> all = new ArrayList<>();
        instances.forEach(i -> all.addAll(i.firings()));
        return all;
    }

    private long jobs(String mapping) throws Exception {
        return count("SELECT count(*) FROM " + schema + ".sync_job WHERE mapping_name = '" + mapping + "'");
    }

    private long jobsStartedAfter(Instant instant) {
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null);
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM " + schema + ".sync_job WHERE started_at > ?")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long schedulerInstances() throws Exception {
        return count("SELECT count(*) FROM " + schema + ".qrtz_scheduler_state");
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }

    record Firing(Instant at, String instance) {
    }

    record Instance(String name, Process process, int port, Path log) {

        List<String> lines() {
            try {
                return Files.exists(log) ? Files.readAllLines(log) : List.of();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        List<Firing> firings() {
            List<Firing> firings = new ArrayList<>();
            for (String line : lines()) {
                Matcher m = FIRED.matcher(line);
                if (m.find()) {
                    firings.add(new Firing(OffsetDateTime.parse(m.group(1), FIRE_TIME).toInstant(), m.group(2)));
                }
            }
            return firings;
        }

        long skippedFirings() {
            return lines().stream().filter(l -> l.contains("Scheduled synchronization of CURRENCY skipped: it ran less than"))
                    .count();
        }

        String get(String path) {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
        }

        String post(String path) {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .POST(HttpRequest.BodyPublishers.noBody()));
        }

        private static String send(HttpRequest.Builder request) {
            try {
                return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        boolean answers() {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " exited: " + String.join("\n", lines()));
            }
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/mappings")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
