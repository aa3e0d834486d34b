package ai.mnemo.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs LocalBroker the way {@code ./mnemo up} does: a separate JVM on target/lib and the packaged jar (failsafe runs
 * this after {@code package}). A record survives a SIGTERM and a second start on the same data dir.
 */
class LocalBrokerIT {

    private static final String TOPIC = "mnemo.local-broker-it.v1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process broker;

    @AfterEach
    void killLeftover() throws InterruptedException {
        if (broker != null && broker.isAlive()) {
            broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesRecordsAndKeepsThemAcrossRestarts() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        String bootstrap = "127.0.0.1:" + port;

        broker = start(port, controllerPort);
        produce(bootstrap, "run-1", "hello");
        assertEquals(List.of("hello"), readAll(bootstrap));
        stop(broker);
        String clusterId = Files.readString(dir.resolve("cluster.id"));

        broker = start(port, controllerPort);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertTrue(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC), "topic survives a restart");
            assertEquals(clusterId.trim(), admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("hello"), readAll(bootstrap), "the record survives a restart");
        assertEquals(clusterId, Files.readString(dir.resolve("cluster.id")), "storage is formatted once");
        stop(broker);
    }

    private Process start(int port, int controllerPort) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath(), LocalBroker.class.getName(),
                "--dir", dir.toString(), "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort))
                .redirectErrorStream(true)
                .start();
        String expected = "LocalBroker ready on 127.0.0.1:" + port;
        CompletableFuture<String> ready = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> pump(process, expected, ready, output), "broker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            System.out.println(line);
        } catch (Exception e) {
            process.destroyForcibly();
            synchronized (output) {
                throw new AssertionError("broker not ready; output:\n" + String.join("\n", output), e);
            }
        }
        return process;
    }

    /** Copies the broker's output into a list and completes {@code ready} with the ready line. */
    private static void pump(Process process, String expected, CompletableFuture<String> ready, List<String> output) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith(expected)) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("broker output ended before the ready line"));
    }

    /** SIGTERM, then the process must be gone soon. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "broker exits on SIGTERM");
    }

    /** target/lib + the packaged jar when failsafe says where they are, else this JVM's classpath (IDE runs). */
    private static String classpath() {
        String lib = System.getProperty("mnemo.broker.lib");
        String jar = System.getProperty("mnemo.broker.jar");
        if (lib != null && jar != null) {
            return lib + "/*" + java.io.File.pathSeparator + jar;
        }
        return System.getProperty("java.class.path");
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the whole topic from the beginning, without a consumer group. */
    private static List<String> readAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertTrue(System.nanoTime() < deadline, "timed out reading " + TOPIC);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
