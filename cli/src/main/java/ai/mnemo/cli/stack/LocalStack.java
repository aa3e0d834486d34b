package ai.mnemo.cli.stack;

import ai.mnemo.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Starts Mnemo on one machine: a single-node KRaft broker as its own process, the topics, then the four services
 * (embedded database, CPU, shared artifact directory), each waited for until it reports ready.
 */
public final class LocalStack {

    public static final int PARTITIONS = 4;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String BROKER_READY = "LocalBroker ready";

    private final MnemoHome home;
    private final PrintStream out;

    public LocalStack(MnemoHome home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    /**
     * Starts everything under {@code dir} (logs, broker data, artifacts, database); on any failure, what was
     * started is stopped again and the failing process's log tail is in the exception.
     */
    public StackState start(Path dir, Ports ports, StackOptions options) {
        List<ManagedProcess> started = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            started.add(startBroker(dir, ports));
            String bootstrap = "127.0.0.1:" + ports.broker();
            createTopics(bootstrap);
            out.println("  kafka            ready on " + bootstrap);
            Map<String, Integer> servicePorts = Map.of("results-service", ports.results(), "data-service",
                    ports.data(), "trainer-service", ports.trainer(), "eval-service", ports.eval());
            for (String service : MnemoHome.SERVICES) {
                started.add(startService(service, servicePorts.get(service), bootstrap, dir, options, Map.of()));
            }
            // More trainers join the first one's consumer group: a fleet on one machine.
            for (int i = 2; i <= options.trainers(); i++) {
                started.add(startService("trainer-service-" + i, Ports.freePort(), bootstrap, dir, options,
                        Map.of()));
            }
            for (ManagedProcess service : started.subList(1, started.size())) {
                awaitReady(service);
                out.printf("  %-16s ready on http://127.0.0.1:%d%n", service.name(), service.port());
            }
            return new StackState(dir, ports, List.copyOf(started));
        } catch (IOException e) {
            stop(started);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop(started);
            throw e;
        }
    }

    public static void stop(List<ManagedProcess> processes) {
        // Services first, the broker last, so nothing loses its broker while shutting down.
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().filter(p -> !p.name().equals("kafka")).forEach(ManagedProcess::stop);
        reversed.stream().filter(p -> p.name().equals("kafka")).forEach(ManagedProcess::stop);
    }

    /**
     * Starts one process of a running stack again under its name and port, after it died or was killed: the broker
     * on its data directory, a service with the stack's settings plus {@code extraEnv}. Returns once it is ready.
     */
    public ManagedProcess restart(StackState stack, StackOptions options, String name, Map<String, String> extraEnv) {
        ManagedProcess old = stack.processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the stack has no process " + name));
        if (old.alive()) {
            throw new IllegalStateException(name + " is still running (pid " + old.pid() + ")");
        }
        if (name.equals("kafka")) {
            return startBroker(stack.dir(), stack.ports());
        }
        ManagedProcess started = startService(name, old.port(), stack.bootstrapServers(), stack.dir(), options,
                extraEnv);
        awaitReady(started);
        return started;
    }

    /** Starts one more instance of {@code service} in a running stack ({@code <service>-N}, a free port). */
    public ManagedProcess startAnother(StackState stack, StackOptions options, String service) {
        int n = 2;
        while (hasProcess(stack, service + "-" + n)) {
            n++;
        }
        ManagedProcess started = startService(service + "-" + n, Ports.freePort(), stack.bootstrapServers(),
                stack.dir(), options, Map.of());
        awaitReady(started);
        return started;
    }

    private static boolean hasProcess(StackState stack, String name) {
        return stack.processes().stream().anyMatch(p -> p.name().equals(name));
    }

    private ManagedProcess startBroker(Path dir, Ports ports) {
        Path log = dir.resolve("logs/kafka.log");
        int readyBefore = count(log, BROKER_READY);
        ManagedProcess broker = ManagedProcess.start("kafka", List.of(MnemoHome.java(), "-Xmx512m", "-cp",
                home.brokerClasspath(), "ai.mnemo.broker.LocalBroker", "--dir", dir.resolve("kafka").toString(),
                "--port", Integer.toString(ports.broker()), "--controller-port",
                Integer.toString(ports.controller()), "--partitions", Integer.toString(PARTITIONS)),
                Map.of(), ports.broker(), log, home.root());
        try {
            awaitLogLine(broker, BROKER_READY, readyBefore + 1);
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    /** {@code name} is the service's, or {@code trainer-service-N} for the N-th trainer of a fleet. */
    private ManagedProcess startService(String name, int port, String bootstrap, Path dir, StackOptions options,
            Map<String, String> extraEnv) {
        String service = name.replaceFirst("-\\d+$", "");
        Map<String, String> env = new java.util.HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Closed by default: nothing of a local stack listens beyond this machine, and Kafka is plaintext here
        // whatever the shell exports for a cluster.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        // Writes need a token the stack's key pair signs (LocalAuth); the CLI signs one per submission.
        env.put("MNEMO_JWT_PUBLIC_KEY", LocalAuth.of(dir).publicKey().toString());
        env.put("MNEMO_ARTIFACTS", dir.resolve("artifacts").toString());
        // Pretrained bases (mnemo pretrain) are shared by every local stack of the checkout.
        env.put("MNEMO_MODELS", home.modelRoot().toString());
        env.put("MNEMO_HOME", dir.toString());
        // Dataset paths in specs are relative to the data root: the checkout, unless the user says otherwise.
        env.put("MNEMO_DATA", System.getenv().getOrDefault("MNEMO_DATA", home.root().toString()));
        env.put("MNEMO_TRAINER_THREADS", Integer.toString(options.trainerThreads()));
        env.put("MNEMO_EVAL_THREADS", Integer.toString(options.evalThreads()));
        env.put("DJL_OFFLINE", "true");
        // A local fleet has a fixed size and nothing autoscales on lag: a run starts when a trainer is free, so a
        // running run's next stage never queues behind other runs' first stages.
        env.put("MNEMO_DATA_PLACEMENT_ADMISSION", "when-idle");
        // Trainer and evaluator share the cores: spinning OpenMP workers would starve each other.
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        // A process of a local stack that dies is noticed in 10 s, not Kafka's 45: its jobs go to another member.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
        env.putAll(extraEnv);
        String heap = service.equals("trainer-service") || service.equals("eval-service") ? "-Xmx1g" : "-Xmx384m";
        // Five JVMs start at once on a laptop's cores: C1 alone compiles them hot in a fraction of C2's CPU, and the
        // trainer's time is in libtorch, not in Java.
        return ManagedProcess.start(name, List.of(MnemoHome.java(), heap, "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true", "-jar",
                home.serviceJar(service).toString()), env, port, dir.resolve("logs/" + name + ".log"), home.root());
    }

    private static void createTopics(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.add(Topics.DEAD_LETTERS);
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Waits until the log (appended to across restarts) holds {@code line} {@code times} times. */
    private static void awaitLogLine(ManagedProcess process, String line, int times) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited during start-up:\n" + process.tail(30));
            }
            if (count(process.log(), line) >= times) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(process.name() + " did not start in time:\n" + process.tail(30));
    }

    private static int count(Path log, String line) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            String text = Files.readString(log);
            int found = 0;
            for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + line.length())) {
                found++;
            }
            return found;
        } catch (IOException beingWritten) {
            return 0;
        }
    }

    private static void awaitReady(ManagedProcess service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.alive()) {
                throw new IllegalStateException(service.name() + " exited during start-up:\n" + service.tail(40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            pause();
        }
        throw new IllegalStateException(service.name() + " was not ready within " + READY_TIMEOUT.toMinutes()
                + " minutes:\n" + service.tail(40));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
