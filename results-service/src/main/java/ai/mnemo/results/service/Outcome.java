package ai.mnemo.results.service;

import java.util.Locale;

/** What became of one consumed record; the {@code outcome} tag of {@code mnemo.results.events}. */
public enum Outcome {

    /** Applied to the lineage. */
    STORED,
    /** Its event id was applied before (redelivery or replay): skipped. */
    DUPLICATE,
    /** Readable but nothing to store (a probe, a rejection of an unreadable request). */
    IGNORED,
    /** Not a readable event of the topic: logged and skipped. */
    MALFORMED,
    /** Readable, but storing it kept failing: logged and skipped (replay the topic to recover). */
    FAILED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
