package ai.mnemo.trainer.lifecycle;

import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.device.DeviceCheck;
import ai.mnemo.service.device.EngineDevice;
import ai.mnemo.trainer.config.TrainerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Starts libtorch with the configured thread count before the first job and checks its device (a GPU pod without a
 * GPU refuses to start), and on shutdown asks a running job to
 * stop at a resumable checkpoint, then waits for it. The job's record stays uncommitted, so the group delivers it
 * again (to another instance, or to this one after a restart) and training resumes from that checkpoint.
 * ShutdownEvent is observed before the Kafka connector closes, so the job can still reach the broker meanwhile.
 */
@ApplicationScoped
public class WorkerLifecycle {

    private static final Logger LOG = Logger.getLogger(WorkerLifecycle.class);

    private final TrainerConfig config;
    private final StopSignal stop;
    private final DeviceCheck devices;

    public WorkerLifecycle(TrainerConfig config, StopSignal stop, DeviceCheck devices) {
        this.config = config;
        this.stop = stop;
        this.devices = devices;
    }

    void onStart(@Observes StartupEvent event) {
        devices.verify(EngineDevice.report(TorchRuntime.start(config.threads())));
        LOG.infof("libtorch started with %d threads", TorchRuntime.threads());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop.requestStop();
        try {
            if (!stop.awaitIdle(config.shutdownWait())) {
                LOG.warnf("the running job did not stop within %s; it will be redelivered and resume from its "
                        + "last saved checkpoint", config.shutdownWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
