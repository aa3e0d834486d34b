package ai.mnemo.service.messaging;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes any Mnemo event to its topic, keyed by run (or experiment) so one run's events stay in order.
 * {@link #publish} waits for the broker's acknowledgement: a handler that publishes and then returns has its
 * output on the broker before its input is committed (at-least-once, nothing lost on a crash).
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CHANNEL = "mnemo-events";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> emitter;

    @Inject
    public EventPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends the event and blocks until the broker has it. */
    public void publish(MnemoEvent event) {
        try {
            send(event).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + describe(event), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + describe(event), e);
        }
    }

    /** Sends the event without waiting (progress events that may be dropped on a crash). */
    public CompletableFuture<Void> send(MnemoEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.of(event))
                .withKey(event.key())
                .build();
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
