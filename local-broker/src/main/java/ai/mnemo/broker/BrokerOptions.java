package ai.mnemo.broker;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command line of {@link LocalBroker}: where the broker keeps its data and which local ports it binds.
 * A record so that the defaults live in one place and every value is checked before the broker touches disk.
 *
 * @param dir data directory (server.properties, cluster id, logs, partitions)
 * @param port client port (PLAINTEXT listener on 127.0.0.1)
 * @param controllerPort KRaft controller port (127.0.0.1)
 * @param partitions default partition count of auto-created topics; the fleet needs partitions >= instances
 */
public record BrokerOptions(Path dir, int port, int controllerPort, int partitions) {

    static final String USAGE = """
            usage: LocalBroker [--dir DIR] [--port PORT] [--controller-port PORT] [--partitions N]
              --dir              data directory (default .mnemo/kafka under the working directory)
              --port             client port on 127.0.0.1 (default 9092)
              --controller-port  KRaft controller port on 127.0.0.1 (default 9093)
              --partitions       partitions of auto-created topics (default 4)""";

    public BrokerOptions {
        checkPort("--port", port);
        checkPort("--controller-port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        dir = dir.toAbsolutePath().normalize();
    }

    /** The defaults: {@code .mnemo/kafka}, 9092, 9093, 4 partitions. */
    public static BrokerOptions defaults() {
        return new BrokerOptions(Path.of(".mnemo", "kafka"), 9092, 9093, 4);
    }

    /** Parses {@code --name value} pairs over the defaults; throws IllegalArgumentException with a readable message. */
    public static BrokerOptions parse(String... args) {
        BrokerOptions o = defaults();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[i + 1];
            o = switch (name) {
                case "--dir" -> new BrokerOptions(Path.of(value), o.port, o.controllerPort, o.partitions);
                case "--port" -> new BrokerOptions(o.dir, toInt(name, value), o.controllerPort, o.partitions);
                case "--controller-port" -> new BrokerOptions(o.dir, o.port, toInt(name, value), o.partitions);
                case "--partitions" -> new BrokerOptions(o.dir, o.port, o.controllerPort, toInt(name, value));
                default -> throw new IllegalArgumentException("unknown option " + name + " in " + Arrays.toString(args));
            };
        }
        return o;
    }

    private static int toInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be within 1..65535, got " + port);
        }
    }
}
