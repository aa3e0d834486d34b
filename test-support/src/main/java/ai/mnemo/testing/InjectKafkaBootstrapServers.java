package ai.mnemo.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} field of a test that {@link KafkaBrokerResource} fills with the broker's bootstrap
 * servers ({@code host:port}). Injection into the test instance works whatever class loader Quarkus loaded the
 * test with, which a static field read cannot promise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafkaBootstrapServers {
}
