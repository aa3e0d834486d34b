package ai.mnemo.service.messaging;

import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The experiments cancelled so far, as a worker learns them from {@code mnemo.experiments.v1}. In memory only: a
 * worker reads that topic from its start in a consumer group of its own at every boot (see docs/operations.md), so
 * a restart learns them all again. One id per cancelled experiment; there are few.
 */
@ApplicationScoped
public class Cancellations {

    private final Set<String> experimentIds = ConcurrentHashMap.newKeySet();

    /** Records an ExperimentCancelled; other events of the topic change nothing. */
    public void onEvent(ExperimentEvent event) {
        if (event instanceof ExperimentCancelled cancelled) {
            experimentIds.add(cancelled.experimentId());
        }
    }

    public boolean contains(String experimentId) {
        return experimentId != null && experimentIds.contains(experimentId);
    }
}
