package ai.mnemo.cli.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void theServicesVariablesBecomeClientSettings() {
        Map<String, String> environment = Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "ca.crt");

        Properties config = KafkaSecurity.apply(new Properties(), environment);

        assertEquals(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "ca.crt"), config);
        // Each one is a setting both kinds of client know (a misspelt one would only be logged as unused).
        for (String key : config.stringPropertyNames()) {
            assertTrue(ProducerConfig.configNames().contains(key), key);
            assertTrue(ConsumerConfig.configNames().contains(key), key);
        }
    }

    @Test
    void otherAndEmptyVariablesAreIgnored() {
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
                "KAFKA_SASL_JAAS_CONFIG", "",
                "SSL_CERT_FILE", "ca.crt",
                "PATH", "/bin");

        assertTrue(KafkaSecurity.apply(new Properties(), environment).isEmpty());
    }
}
