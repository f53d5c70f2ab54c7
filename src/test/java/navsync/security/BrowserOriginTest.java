package navsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests a browser sends on behalf of another site's page. */
class BrowserOriginTest {

    @Test
    void aPageOfAnotherSiteIsRefusedItsOwnPagesAndProgramsAreNot() {
        assertThat(BrowserOrigin.refusal("http://evil.example", null, "127.0.0.1:8888", false))
                .hasValueSatisfying(r -> assertThat(r).contains("http://evil.example", "127.0.0.1:8888"));
        assertThat(BrowserOrigin.refusal(null, "http://evil.example/page.html", "127.0.0.1:8888", true)).isPresent();
        assertThat(BrowserOrigin.refusal("http://127.0.0.1:9999", null, "127.0.0.1:8888", false))
                .as("another port is another origin").isPresent();
        assertThat(BrowserOrigin.refusal("null", null, "127.0.0.1:8888", false)).as("a sandboxed page").isPresent();
        assertThat(BrowserOrigin.refusal("http://127.0.0.1:8888", null, "127.0.0.1:8888", false)).isEmpty();
        assertThat(BrowserOrigin.refusal(null, "http://localhost:8888/hawtio/camel", "LOCALHOST:8888", false)).isEmpty();
        assertThat(BrowserOrigin.refusal("http://[::1]:8888", null, "[::1]:8888", false)).isEmpty();
        assertThat(BrowserOrigin.refusal(null, null, "127.0.0.1:9876", false)).as("curl, Prometheus").isEmpty();
        assertThat(BrowserOrigin.refusal(null, null, null, false)).isPresent();
    }

    @Test
    void withoutAuthenticationOnlyLoopbackHostNamesAreServedWhateverTheyResolveTo() {
        // DNS rebinding: evil.example now resolves to 127.0.0.1, so its page is "same origin"
        assertThat(BrowserOrigin.refusal("http://evil.example:8888", null, "evil.example:8888", false))
                .hasValueSatisfying(r -> assertThat(r).contains("loopback"));
        assertThat(BrowserOrigin.refusal(null, null, "127.0.0.1.nip.io:8888", false)).isPresent();
        assertThat(BrowserOrigin.refusal(null, null, "192.0.2.2:8888", false)).isPresent();
        assertThat(BrowserOrigin.refusal(null, null, "navsync.example.com:8888", true)).as("signed in").isEmpty();
        assertThat(BrowserOrigin.refusal("http://navsync.example.com:8888", null, "navsync.example.com:8888", true))
                .isEmpty();
    }
}
