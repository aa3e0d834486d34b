package ai.mnemo.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import kafka.Kafka;

/**
 * A real single-node KRaft Kafka broker in its own process, so that {@code ./mnemo up} and the end-to-end test run
 * against the same Kafka as production, without Docker. It writes server.properties into the data dir, formats the
 * storage once, then runs Kafka's own entry point {@link Kafka#main} in this JVM (which also installs Kafka's
 * SIGTERM shutdown hook), and prints {@code LocalBroker ready on 127.0.0.1:<port>} once a client can reach it.
 */
public final class LocalBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private LocalBroker() {
    }

    public static void main(String[] args) {
        BrokerOptions options;
        try {
            options = BrokerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalBroker: " + e.getMessage());
            System.err.println(BrokerOptions.USAGE);
            System.exit(2);
            return;
        }
        // Before the first logger exists: the log4j2 config also writes broker.log into the data dir.
        System.setProperty("mnemo.broker.log.dir", options.dir().toString());
        Path serverProperties;
        try {
            serverProperties = ServerProperties.write(options.dir(), ServerProperties.of(options));
            Storage.format(serverProperties, Storage.clusterId(options.dir()));
        } catch (Exception e) {
            System.err.println("LocalBroker: cannot prepare " + options.dir() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        announceWhenReady(options.port(), System.nanoTime());
        // Blocks until the broker stops; exits the JVM itself on a fatal error or after shutdown.
        Kafka.main(new String[] {serverProperties.toString()});
    }

    /** Prints the ready line from a side thread once the broker answers, or ends the process if it never does. */
    private static void announceWhenReady(int port, long startedNanos) {
        String bootstrap = "127.0.0.1:" + port;
        Thread watcher = new Thread(() -> {
            if (awaitReachable(bootstrap, port)) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                System.out.println("LocalBroker ready on " + bootstrap + " (started in " + millis + " ms)");
                System.out.flush();
            } else {
                System.err.println("LocalBroker: broker not reachable on " + bootstrap + " after " + READY_TIMEOUT);
                System.exit(1);
            }
        }, "local-broker-ready");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** True once an admin client sees the node, that is the listener is bound and the broker is unfenced. */
    private static boolean awaitReachable(String bootstrap, int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // Wait for the listener first, so the admin client does not log a warning per refused connection.
        while (!accepts(port)) {
            if (System.nanoTime() > deadline || !sleep()) {
                return false;
            }
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception notYet) {
                    // Broker still starting or fenced: ask again.
                }
                if (!sleep()) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Sleeps a little; false if interrupted. */
    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
