package ai.mnemo.service.messaging;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.Topics;
import ai.mnemo.events.Utf8;
import ai.mnemo.events.v1.MnemoEvent;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Decode, dispatch and handle-unreadable, written once for every consumer of every service:
 * <ul>
 *   <li>bytes that are not UTF-8, JSON that is not an event of the topic, an event of another topic: the record is
 *       nacked, so SmallRye's dead-letter strategy moves it to {@value Topics#DEAD_LETTERS} with the reason;
 *   <li>an event type no one knows yet (v1 lets types be added): acknowledged and ignored, so it changes nothing;
 *   <li>a handler that throws anything, an Error included: logged and dead-lettered; the channel goes on;
 *   <li>a handler that asks for redelivery (a shutdown mid-job): left unacknowledged, read again after a restart.
 * </ul>
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);
    private static final List<String> KNOWN_TYPES = EventCodec.typeNames(MnemoEvent.class);

    /** What became of a record once its handler ran. */
    public enum Disposition { DONE, REDELIVER }

    /** A record that could not be decoded, for services that answer it (a failure event naming its run). */
    public record Unreadable(String topic, String text, EventDecodingException error) {
    }

    private final MeterRegistry registry;

    public EventReader(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Reads a record of {@code topic} whose handler always finishes it. */
    public <T extends MnemoEvent> CompletionStage<Void> read(Message<byte[]> record, String topic,
            Consumer<? super T> handler) {
        return read(record, topic, handler, unreadable -> { });
    }

    /** Reads a record whose handler always finishes it, answering an undecodable one first. */
    public <T extends MnemoEvent> CompletionStage<Void> read(Message<byte[]> record, String topic,
            Consumer<? super T> handler, Consumer<Unreadable> onUnreadable) {
        return this.<T>handle(record, topic, event -> {
            handler.accept(event);
            return Disposition.DONE;
        }, onUnreadable);
    }

    /**
     * @param handler runs the event; returns whether the record is done
     * @param onUnreadable runs before an undecodable record is dead-lettered (answer it, if it names a run)
     */
    @SuppressWarnings("unchecked")
    public <T extends MnemoEvent> CompletionStage<Void> handle(Message<byte[]> record, String topic,
            Function<? super T, Disposition> handler, Consumer<Unreadable> onUnreadable) {
        byte[] bytes = record.getPayload();
        if (bytes == null || bytes.length == 0) {
            return refuse(record, topic, "empty record");
        }
        Utf8.Decoded text = Utf8.decode(bytes);
        if (!text.valid()) {
            return refuse(record, topic, "not valid UTF-8 (byte " + text.malformedAt() + ")");
        }
        T event;
        try {
            event = (T) EventCodec.decode(text.text(), Topics.eventType(topic));
        } catch (EventDecodingException e) {
            if (e.getCause() instanceof InvalidTypeIdException unknown && unknown.getTypeId() != null
                    && !KNOWN_TYPES.contains(unknown.getTypeId())) {
                count("ignored", topic);
                LOG.debugf("ignoring an event of unknown type '%s' on %s", unknown.getTypeId(), topic);
                return record.ack();
            }
            try {
                onUnreadable.accept(new Unreadable(topic, text.text(), e));
            } catch (RuntimeException answerFailed) {
                LOG.errorf(answerFailed, "answering an unreadable record of %s failed", topic);
            }
            return refuse(record, topic, e.getMessage());
        }
        Disposition disposition;
        try {
            disposition = handler.apply(event);
        } catch (Throwable t) { // an Error too: one record must never stop the channel
            LOG.errorf(t, "handling %s %s from %s failed; it goes to %s", event.getClass().getSimpleName(),
                    event.eventId(), topic, Topics.DEAD_LETTERS);
            return refuse(record, topic, "handling failed: " + t);
        }
        count("handled", topic);
        return disposition == Disposition.DONE ? record.ack() : CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> refuse(Message<byte[]> record, String topic, String reason) {
        count("dead-lettered", topic);
        LOG.warnf("a record of %s goes to %s: %s", topic, Topics.DEAD_LETTERS, reason);
        return record.nack(new UnreadableRecordException(reason));
    }

    /** {@code mnemo_records_total{outcome, topic}}: handled, ignored (unknown type) or dead-lettered. */
    private void count(String outcome, String topic) {
        registry.counter("mnemo.records", "outcome", outcome, "topic", topic).increment();
    }

    /** Why a record was dead-lettered; its message is the reason SmallRye writes to the record's headers. */
    public static final class UnreadableRecordException extends RuntimeException {

        public UnreadableRecordException(String reason) {
            super(reason, null, false, false);
        }
    }
}
