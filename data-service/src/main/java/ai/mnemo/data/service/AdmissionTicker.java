package ai.mnemo.data.service;

import ai.mnemo.data.config.DataConfig;
import ai.mnemo.data.placement.Admission;
import ai.mnemo.data.placement.RunAdmission;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Under admission {@code when-idle}: takes up the runs that waited before a restart, then looks for an idle trainer
 * for the waiting runs every {@code mnemo.data.placement.admission-poll}. Nothing runs under {@code eager}.
 */
@Startup
@ApplicationScoped
public class AdmissionTicker {

    private static final Logger LOG = Logger.getLogger(AdmissionTicker.class);

    private final Ticker ticker;

    public AdmissionTicker(DataConfig config, RunAdmission admission, RunConductor conductor) {
        if (admission.mode() != Admission.WHEN_IDLE) {
            ticker = null;
            return;
        }
        admission.recover();
        if (admission.waiting() > 0) {
            LOG.infof("%d runs waited for an idle trainer before the restart; they wait again", admission.waiting());
        }
        // A failed start is logged by the ticker: the run still waits first in line and is tried again.
        ticker = new Ticker("run-admission", config.placement().admissionPoll(), conductor::startWaiting);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.close();
        }
    }
}
