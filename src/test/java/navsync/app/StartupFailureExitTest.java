package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * navsync started as its own process (the README's command) whose start fails after the Sales sandbox and
 * the console already listen must end with a non-zero exit code and leave nothing listening, not stay up
 * without its REST API. Both kinds of failure start at once, to keep the test short.
 */
class StartupFailureExitTest {

    /** One navsync process with its ports and its output. */
    private record Started(Process process, List<Integer> ports, Path log) {
    }

    @Test
    void aStartThatFailsAfterTheListenersAreUpExitsNonZeroAndLeavesNoListener(@TempDir Path dir) throws Exception {
        // a mapping that Sales' metadata refuses: found once the sandbox listens
        Path mappings = copyOf(Path.of("mappings"), dir.resolve("mappings"));
        Path customer = mappings.resolve("customer.yaml");
        Files.writeString(customer, Files.readString(customer).replace("sales: telephone1", "sales: telephone9"));
        Started badMapping = start(dir.resolve("data-mapping"), "-Dnavsync.mappings-dir=" + mappings);
        // a route that cannot be built (as an interval overflowing Quartz's milliseconds once could not): the console
        // and the sandbox listened and kept the process alive, with no REST API
        Path routes = copyOf(Path.of("routes"), dir.resolve("routes"));
        Files.writeString(routes.resolve("zz-broken.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: "timer:broken"
                      steps:
                        - nosuchstep: {}
                """);
        Started badRoute = start(dir.resolve("data-route"), "-Dcamel.main.routes-include-pattern=file:" + routes + "/*.yaml");

        // the REST API's port is taken by another program: Vert.x only logged the failed bind, and navsync stayed up
        // without its REST API
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Started portTaken = start(dir.resolve("data-port"), "-Dnavsync.http.port=" + taken.getLocalPort());
            portTaken.ports().set(0, portTaken.ports().get(1)); // ours is held by the test, not by navsync

            assertEndsNonZeroWithNothingListening(badMapping, customer + ":", "Sales table 'account' has no attribute 'telephone9'");
            assertEndsNonZeroWithNothingListening(badRoute, "navsync did not start", "nosuchstep");
            assertEndsNonZeroWithNothingListening(portTaken, "navsync did not start",
                    "the REST API could not listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static void assertEndsNonZeroWithNothingListening(Started started, String... logged) throws Exception {
        try {
            boolean ended = started.process().waitFor(60, TimeUnit.SECONDS);
            assertThat(ended).as("navsync ended within 60 s of a failed start").isTrue();
            assertThat(started.process().exitValue()).isNotZero();
            assertThat(Files.readString(started.log())).contains("Sales sandbox (Dataverse Web API emulator) serving")
                    .contains(logged);
            for (int port : started.ports()) {
                assertThat(listening(port)).as("something listens on port " + port).isFalse();
            }
        } finally {
            started.process().destroyForcibly();
        }
    }

    private static Started start(Path data, String... settings) throws IOException {
        Files.createDirectories(data);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ports.add(AvailablePortFinder.getNextAvailable());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dnavsync.data-dir=" + data, "-Dnavsync.run-on-start=none",
                "-Dnavsync.http.port=" + ports.get(0), "-Dnavsync.management.port=" + ports.get(1),
                "-Dnavsync.sales.sandbox-port=" + ports.get(2), "-Dnavsync.console.enabled=true",
                "-Dnavsync.console.port=" + ports.get(3)));
        command.addAll(List.of(settings));
        command.add(NavsyncMain.class.getName());
        Path log = data.resolve("navsync.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Started(process, ports, log);
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
