package ai.mnemo.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server.properties of the local broker: one KRaft node that is both broker and controller, reachable only on
 * 127.0.0.1, with every replication factor and min ISR at 1 so that internal topics can exist on a single node.
 * It is rewritten at every start from the options, so that the file always matches the command line; only the
 * storage (and its cluster id) is kept between starts.
 */
final class ServerProperties {

    static final String FILE_NAME = "server.properties";
    private static final String NODE_ID = "1";

    private ServerProperties() {
    }

    /** The broker configuration for these options, in a readable order. */
    static Map<String, String> of(BrokerOptions o) {
        String client = "PLAINTEXT://127.0.0.1:" + o.port();
        String controller = "CONTROLLER://127.0.0.1:" + o.controllerPort();
        Map<String, String> p = new LinkedHashMap<>();
        // One KRaft node, static quorum of itself.
        p.put("process.roles", "broker,controller");
        p.put("node.id", NODE_ID);
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + o.controllerPort());
        p.put("controller.listener.names", "CONTROLLER");
        // Loopback only: nothing outside this machine can reach the broker.
        p.put("listeners", client + "," + controller);
        p.put("advertised.listeners", client);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        // Storage under the data dir.
        p.put("log.dirs", o.dir().resolve("data").toString());
        // A single node: every replication factor and min ISR at 1.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Topics appear on first use; the fleet's consumer groups need partitions >= instances.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", Integer.toString(o.partitions()));
        // Consumers join at once instead of waiting 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Modest footprint: fewer internal partitions and threads, a small log-cleaner buffer (default 128 MB).
        p.put("offsets.topic.num.partitions", "8");
        p.put("transaction.state.log.num.partitions", "8");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }

    /** The same configuration as {@link Properties}, for Kafka's own classes. */
    static Properties asProperties(Map<String, String> config) {
        Properties props = new Properties();
        props.putAll(config);
        return props;
    }

    /** Writes the configuration to {@code <dir>/server.properties} and returns that path. */
    static Path write(Path dir, Map<String, String> config) throws IOException {
        StringBuilder text = new StringBuilder("# Written by ai.mnemo.broker.LocalBroker at every start; edits are lost.\n");
        config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, text);
        return file;
    }
}
