package ai.mnemo.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The command line and the broker configuration it turns into, without starting anything. */
class BrokerOptionsTest {

    @Test
    void defaultsMatchTheLocalStack() {
        BrokerOptions o = BrokerOptions.parse();
        assertEquals(Path.of(".mnemo/kafka").toAbsolutePath(), o.dir());
        assertEquals(9092, o.port());
        assertEquals(9093, o.controllerPort());
        assertEquals(4, o.partitions());
    }

    @Test
    void parsesEveryOption() {
        BrokerOptions o = BrokerOptions.parse("--dir", "/tmp/k", "--port", "1234", "--controller-port", "1235",
                "--partitions", "8");
        assertEquals(new BrokerOptions(Path.of("/tmp/k"), 1234, 1235, 8), o);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port", "x"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port", "9093"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--partitions", "0"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--verbose", "1"));
    }

    @Test
    void configListensOnLoopbackOnlyWithSingleReplicas() {
        Map<String, String> p = ServerProperties.of(BrokerOptions.parse("--port", "1234", "--controller-port", "1235"));
        assertEquals("PLAINTEXT://127.0.0.1:1234,CONTROLLER://127.0.0.1:1235", p.get("listeners"));
        assertEquals("1@127.0.0.1:1235", p.get("controller.quorum.voters"));
        assertEquals("4", p.get("num.partitions"));
        p.forEach((key, value) -> {
            if (key.endsWith("replication.factor") || key.endsWith("min.isr") || key.equals("min.insync.replicas")) {
                assertEquals("1", value, key);
            }
        });
        assertTrue(p.get("log.dirs").endsWith("data"));
    }
}
