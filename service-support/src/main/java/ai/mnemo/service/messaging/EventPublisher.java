package ai.mnemo.service.messaging;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes any Mnemo event to its topic, keyed by run (or experiment) so one run's events stay in order.
 * {@link #publish} waits for the broker's acknowledgement: a handler that publishes and then returns has its
 * output on the broker before its input is committed (at-least-once, nothing lost on a crash).
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CHANNEL = "mnemo-events";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final Emitter<String> emitter;

    @Inject
    public EventPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the event and blocks until the broker has it. A transient failure (the broker away or restarting, an
     * acknowledgement that does not come) is retried with exponential backoff, 1 s doubling up to 1 min, for up to
     * 10 minutes; SmallRye Fault Tolerance counts the attempts ({@code ft_retry_retries_total}). Operators change
     * the bounds with MicroProfile config ({@code ai.mnemo.service.messaging.EventPublisher/publish/Retry/...}).
     *
     * @throws PublishRefusedException at once when the broker refuses the event for good
     * @throws IllegalStateException when it could not be delivered within the retries
     */
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 10,
            durationUnit = ChronoUnit.MINUTES, jitter = 200, abortOn = PublishRefusedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void publish(MnemoEvent event) {
        publishOnce(event, OptionalInt.empty());
    }

    /**
     * As {@link #publish(MnemoEvent)}, to a chosen partition of the event's topic (a job placed on an idle worker's
     * partition), or by key when {@code partition} is empty.
     */
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 10,
            durationUnit = ChronoUnit.MINUTES, jitter = 200, abortOn = PublishRefusedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void publish(MnemoEvent event, OptionalInt partition) {
        publishOnce(event, partition);
    }

    /**
     * One attempt, for callers whose own client retries (an HTTP request should fail fast with 503, not hang).
     *
     * @throws PublishRefusedException when the broker refuses the event for good
     * @throws IllegalStateException when the broker did not take it this time
     */
    public void publishOnce(MnemoEvent event) {
        publishOnce(event, OptionalInt.empty());
    }

    private void publishOnce(MnemoEvent event, OptionalInt partition) {
        try {
            send(event, partition).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishRefusedException("interrupted while publishing " + describe(event), e);
        } catch (Exception e) {
            if (refusedForGood(e)) {
                throw new PublishRefusedException("the broker refused " + describe(event) + ": " + e.getCause(), e);
            }
            LOG.warnf("could not publish %s (%s); it is tried again", describe(event), e.getCause() == null ? e
                    : e.getCause());
            throw new IllegalStateException("could not publish " + describe(event), e);
        }
    }

    /** Kafka marks what a retry can fix as RetriableException; its other API errors are for good. */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof ApiException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    /** Sends the event without waiting (progress events that may be dropped on a crash). */
    public CompletableFuture<Void> send(MnemoEvent event) {
        return send(event, OptionalInt.empty());
    }

    private CompletableFuture<Void> send(MnemoEvent event, OptionalInt partition) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> builder =
                OutgoingKafkaRecordMetadata.<String>builder().withTopic(Topics.of(event)).withKey(event.key());
        partition.ifPresent(builder::withPartition);
        OutgoingKafkaRecordMetadata<String> metadata = builder.build();
        emitter.send(Message.of(EventCodec.encode(event))
                .addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }

    private static String describe(MnemoEvent event) {
        return event.getClass().getSimpleName() + " " + event.eventId() + " to " + Topics.of(event);
    }
}
