package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import navsync.sandbox.limits.FaultOptions;
import navsync.sandbox.limits.LatencyOptions;

/** Fault injection (seeded, repeatable) and the latency model; both off by default. */
class FaultAndLatencyTest {
    private static final FaultOptions FAULTS = FaultOptions.seeded(42).withTooManyRequests(0.1).withServerError(0.1)
            .withUnavailable(0.1);

    /** The statuses of 60 creates against a fresh sandbox with {@code faults}. */
    private static List<Integer> run(FaultOptions faults) {
        try (SalesSandbox s = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withFaults(faults))) {
            WebApi api = new WebApi(s);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                WebApi.Resp r = api.post("accounts", "{\"name\":\"n" + i + "\"}");
                statuses.add(r.status());
                if (r.status() == 429) {
                    assertEquals("0x80072322", r.errorCode());
                    assertThat(r.header("Retry-After")).isPresent();
                }
            }
            long created = statuses.stream().filter(st -> st == 204).count();
            assertEquals(created, s.rowCount("accounts"), "a failed request changed nothing");
            return statuses;
        }
    }

    @Test
    void faultsAreRepeatableUnderAFixedSeed() {
        List<Integer> first = run(FAULTS);
        List<Integer> second = run(FAULTS);
        assertEquals(first, second, "the same requests fail in two runs");
        assertThat(first).contains(204, 429, 500, 503);
        assertThat(first.stream().filter(st -> st != 204).count()).isBetween(6L, 36L);
        List<Integer> otherSeed = run(FaultOptions.seeded(7).withTooManyRequests(0.1).withServerError(0.1)
                .withUnavailable(0.1));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void aHangingRequestOutlivesTheClientTimeout() {
        FaultOptions hang = FaultOptions.seeded(1).withHang(1.0, Duration.ofMillis(300));
        try (SalesSandbox s = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withFaults(hang))) {
            WebApi api = new WebApi(s);
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.root() + "WhoAmI"))
                    .timeout(Duration.ofMillis(150)).build();
            assertThrows(UncheckedIOException.class, () -> api.send(request));
        }
    }

    @Test
    void latencyPerRequestAndPerRecord() {
        LatencyOptions latency = new LatencyOptions(Duration.ofMillis(40), Duration.ofMillis(5));
        try (SalesSandbox s = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withLatency(latency))) {
            WebApi api = new WebApi(s);
            api.get("WhoAmI").expect(200); // warm up
            long t0 = System.nanoTime();
            api.get("WhoAmI").expect(200);
            long single = (System.nanoTime() - t0) / 1_000_000;
            assertThat(single).isGreaterThanOrEqualTo(40);
            StringBuilder targets = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                targets.append(i == 0 ? "" : ",").append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"l")
                        .append(i).append("\"}");
            }
            t0 = System.nanoTime();
            api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":[" + targets + "]}").expect(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(40 + 20 * 5);
        }
    }
}
