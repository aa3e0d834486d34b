package ai.mnemo.results.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A submission made with an Idempotency-Key: which experiment it created, for the retries of the same request. */
@Entity
@Table(name = "submissions")
public class Submission extends PanacheEntityBase {

    /** sha256 of submitter and key: keys are the submitter's own, so two people may use the same one. */
    @Id
    public String scope;

    @Column(nullable = false)
    public String submitter;

    @Column(name = "body_sha256", nullable = false)
    public String bodySha256;

    @Column(name = "experiment_id", nullable = false)
    public String experimentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Submission of(String scope, String submitter, String bodySha256, String experimentId) {
        Submission submission = new Submission();
        submission.scope = scope;
        submission.submitter = submitter;
        submission.bodySha256 = bodySha256;
        submission.experimentId = experimentId;
        submission.createdAt = Instant.now();
        return submission;
    }
}
