package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import navsync.sandbox.limits.LatencyOptions;
import navsync.sandbox.limits.ProtectionLimits;

/**
 * Service protection [LIMITS]: per-user request-count, execution-time and concurrency limits over a sliding window,
 * answering 429 with {@code Retry-After} in seconds and the documented codes; off by default.
 */
class ServiceProtectionContractTest {

    private static SalesSandbox start(ProtectionLimits limits, LatencyOptions latency) {
        return SalesSandbox.start(SandboxOptions.defaults().withThreads(4).withProtection(limits).withLatency(latency));
    }

    @Test
    void requestCountOverTheWindowAnswers429WithRetryAfter() {
        try (SalesSandbox s = start(new ProtectionLimits(3, Duration.ofMinutes(20), 52, Duration.ofSeconds(30)), null)) {
            WebApi api = new WebApi(s);
            for (int i = 0; i < 3; i++) {
                WebApi.Resp ok = api.get("WhoAmI").expect(200);
                assertEquals(String.valueOf(2 - i), ok.header("x-ms-ratelimit-burst-remaining-xrm-requests").orElseThrow());
                assertThat(ok.header("x-ms-ratelimit-time-remaining-xrm-requests")).isPresent();
            }
            WebApi.Resp limited = api.get("WhoAmI").expect(429);
            assertEquals("0x80072322", limited.errorCode());
            assertEquals("Number of requests exceeded the limit of 3 over time window of 30 seconds.",
                    limited.errorMessage());
            long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 30L);
            api.get("WhoAmI").expect(429);
        }
    }

    @Test
    void theWindowSlides() throws InterruptedException {
        try (SalesSandbox s = start(new ProtectionLimits(2, Duration.ofMinutes(20), 52, Duration.ofMillis(600)), null)) {
            WebApi api = new WebApi(s);
            api.get("WhoAmI").expect(200);
            api.get("WhoAmI").expect(200);
            assertEquals("1", api.get("WhoAmI").expect(429).header("Retry-After").orElseThrow());
            Thread.sleep(700);
            api.get("WhoAmI").expect(200);
        }
    }

    @Test
    void combinedExecutionTimeOverTheLimitAnswers429() {
        try (SalesSandbox s = start(new ProtectionLimits(100, Duration.ofMillis(150), 52, Duration.ofSeconds(20)),
                new LatencyOptions(Duration.ofMillis(80), Duration.ZERO))) {
            WebApi api = new WebApi(s);
            api.get("WhoAmI").expect(200);
            api.get("WhoAmI").expect(200);
            WebApi.Resp limited = api.get("WhoAmI").expect(429);
            assertEquals("0x80072321", limited.errorCode());
            assertThat(limited.errorMessage()).startsWith("Combined execution time of incoming requests exceeded limit "
                    + "of 150 milliseconds over time window of 20 seconds.");
            assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 20L);
        }
    }

    @Test
    void concurrentRequestsOverTheLimitAnswer429AtOnce() throws Exception {
        try (SalesSandbox s = start(new ProtectionLimits(100, Duration.ofMinutes(20), 2, Duration.ofSeconds(20)),
                new LatencyOptions(Duration.ofMillis(400), Duration.ZERO))) {
            WebApi api = new WebApi(s);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<WebApi.Resp>> calls = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    calls.add(pool.submit(() -> api.get("WhoAmI")));
                }
                List<Integer> statuses = new ArrayList<>();
                String code = null;
                for (Future<WebApi.Resp> f : calls) {
                    WebApi.Resp r = f.get();
                    statuses.add(r.status());
                    if (r.status() == 429) {
                        code = r.errorCode();
                        assertEquals("Number of concurrent requests exceeded the limit of 2.", r.errorMessage());
                        assertThat(r.header("Retry-After")).isPresent();
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 200, 429);
                assertEquals("0x80072326", code);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void offByDefault() {
        try (SalesSandbox s = SalesSandbox.start(SandboxOptions.defaults().withThreads(1))) {
            WebApi.Resp r = new WebApi(s).get("WhoAmI").expect(200);
            assertThat(r.header("x-ms-ratelimit-burst-remaining-xrm-requests")).isEmpty();
            assertEquals("1", r.header("x-ms-dop-hint").orElseThrow());
        }
    }
}
