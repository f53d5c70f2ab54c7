package navsync.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** navsync refuses to start with a malformed mapping file and says where the problem is. */
class StartupValidationTest {

    @Test
    void aBadMappingFileStopsTheStartWithFileLineAndKey(@TempDir Path data, @TempDir Path mappings) throws Exception {
        Files.copy(Path.of("src/test/resources/mappings/bad/unknown-field.yaml"), mappings.resolve("customer.yaml"));
        assertThatThrownBy(() -> NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString())))
                .rootCause()
                .hasMessageContaining(mappings.resolve("customer.yaml") + ":8: fields[1].nav: NAV table 'Customer' has no field 'Phone No'");
    }
}
