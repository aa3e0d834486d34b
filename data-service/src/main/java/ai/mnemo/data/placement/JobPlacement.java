package ai.mnemo.data.placement;

import ai.mnemo.data.config.DataConfig;
import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.service.messaging.EventPublisher;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * Chooses the partition of each job data-service publishes, so that a job reaches an idle worker when the fleet has
 * one. Jobs keyed by run id alone would sit behind a busy worker's job whenever two runs hash to partitions of the
 * same member, while other workers idle. When the group cannot be read (no ACL, a broker blip), the job is
 * published by key as before: placement makes the fleet faster, never less available.
 */
@ApplicationScoped
public class JobPlacement {

    private static final Logger LOG = Logger.getLogger(JobPlacement.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final long SETTLE_POLL_MILLIS = 100;

    private final EventPublisher publisher;
    private final DataConfig.Placement config;
    private final Map<String, Object> kafka;
    private final DataMetrics metrics;
    private Admin admin;
    private GroupLoadReader reader;
    private long warnedAt = System.nanoTime() - WARN_EVERY_NANOS;

    public JobPlacement(EventPublisher publisher, DataConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, DataMetrics metrics) {
        this.publisher = publisher;
        this.config = config.placement();
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** Publishes a job (with the publisher's retries) to the partition {@link #partitionFor} chooses. */
    public void publish(MnemoEvent job) {
        publisher.publish(job, partitionFor(job));
    }

    /**
     * The partition for a job of the training or evaluation fleet, or empty to publish it by key (placement off, a
     * topic no fleet consumes, no member holding a partition, or the group unreadable).
     */
    synchronized OptionalInt partitionFor(MnemoEvent job) {
        String topic = Topics.of(job);
        String group = topic.equals(Topics.TRAINING_JOBS) ? config.trainerGroup()
                : topic.equals(Topics.EVAL_JOBS) ? config.evaluatorGroup() : null;
        if (!config.enabled() || group == null) {
            return OptionalInt.empty();
        }
        Optional<GroupLoad> load = read(topic, group);
        // A worker that has just published its outcome commits its job a moment later: the next stage of the run
        // it finished should not queue elsewhere because of that moment.
        long settleUntil = System.nanoTime() + config.settle().toNanos();
        while (load.isPresent() && load.get().idleMembers() == 0 && load.get().placement().isPresent()
                && System.nanoTime() < settleUntil) {
            pause();
            load = read(topic, group);
        }
        OptionalInt partition = load.map(GroupLoad::placement).orElseGet(OptionalInt::empty);
        metrics.jobPlaced(partition.isPresent());
        load.ifPresent(l -> LOG.debugf("%s for run %s: partition %s of %s (%d idle of %d members)",
                job.getClass().getSimpleName(), job.key(), partition, topic, l.idleMembers(), l.members().size()));
        return partition;
    }

    /**
     * Whether a trainer has no unfinished job. Also true when there is nothing to wait for: the group cannot be
     * read, or no member holds a partition (no fleet yet), so that jobs queue in Kafka as they would by key.
     */
    public synchronized boolean trainerIdle() {
        if (!config.enabled()) {
            return true;
        }
        return read(Topics.TRAINING_JOBS, config.trainerGroup())
                .map(load -> load.idleMembers() > 0 || load.placement().isEmpty())
                .orElse(true);
    }

    private static void pause() {
        try {
            Thread.sleep(SETTLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<GroupLoad> read(String topic, String group) {
        try {
            return Optional.of(reader().read(topic, group));
        } catch (RuntimeException e) {
            if (System.nanoTime() - warnedAt >= WARN_EVERY_NANOS) {
                warnedAt = System.nanoTime();
                LOG.warnf("cannot read consumer group %s (%s); jobs go to their key's partition meanwhile", group,
                        e.getMessage());
            }
            return Optional.empty();
        }
    }

    private GroupLoadReader reader() {
        if (reader == null) {
            Map<String, Object> adminConfig = new HashMap<>();
            // The connector's map also holds consumer and producer settings the Admin client would warn about.
            kafka.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    adminConfig.put(key, value);
                }
            });
            adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "data-service-placement");
            admin = Admin.create(adminConfig);
            reader = new GroupLoadReader(admin, config.timeout());
        }
        return reader;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
