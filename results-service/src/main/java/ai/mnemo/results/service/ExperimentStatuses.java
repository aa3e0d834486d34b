package ai.mnemo.results.service;

import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.ExperimentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** An experiment's status alone, read in its own short transaction (nothing is held while publishing). */
@ApplicationScoped
public class ExperimentStatuses {

    @Transactional
    public Optional<ExperimentStatus> of(String experimentId) {
        return Experiment.<Experiment>findByIdOptional(experimentId).map(e -> e.status);
    }
}
