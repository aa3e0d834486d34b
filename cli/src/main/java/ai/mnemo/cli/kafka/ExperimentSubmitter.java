package ai.mnemo.cli.kafka;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.ExperimentRequested;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes an experiment request to Kafka, the way any producer may: an ExperimentRequested keyed by its id. */
public final class ExperimentSubmitter {

    private ExperimentSubmitter() {}

    /** Returns the new experiment's id once the broker has the request. */
    public static String submit(String bootstrapServers, ExperimentSpec spec) {
        String experimentId = UUID.randomUUID().toString();
        ExperimentRequested request = ExperimentRequested.of(experimentId, spec, System.getProperty("user.name"));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        KafkaSecurity.apply(config);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.EXPERIMENTS, request.key(), EventCodec.encode(request)))
                    .get(30, TimeUnit.SECONDS);
            return experimentId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the experiment to " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
    }
}
