package ai.mnemo.cli.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The security settings of the CLI's Kafka clients, from the environment variables the services read too:
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*} and {@code KAFKA_SSL_*} become {@code security.protocol},
 * {@code sasl.*} and {@code ssl.*} (lower case, '_' to '.'), so {@code mnemo submit} can reach a cluster that wants
 * SASL_SSL. With none set the clients keep Kafka's default, PLAINTEXT, which is what the local stack speaks.
 */
public final class KafkaSecurity {

    private KafkaSecurity() {}

    /** Adds the settings found in this process's environment to {@code config}. */
    public static Properties apply(Properties config) {
        return apply(config, System.getenv());
    }

    static Properties apply(Properties config, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            boolean security = name.equals("KAFKA_SECURITY_PROTOCOL") || name.startsWith("KAFKA_SASL_")
                    || name.startsWith("KAFKA_SSL_");
            // An empty variable means unset, as in the services' configuration.
            if (security && !value.isEmpty()) {
                config.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return config;
    }
}
