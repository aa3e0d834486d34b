package ai.mnemo.results.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The id of an event already applied. Delivery is at-least-once, so the same record may be read again (a
 * rebalance, a replay); its id is then found here and the event is skipped. Events re-emitted with a new id are
 * caught by the natural keys instead.
 */
@Entity
@Table(name = "processed_events")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static ProcessedEvent of(String eventId, String topic, String eventType, Instant occurredAt) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.topic = topic;
        processed.eventType = eventType;
        processed.occurredAt = occurredAt;
        return processed;
    }
}
