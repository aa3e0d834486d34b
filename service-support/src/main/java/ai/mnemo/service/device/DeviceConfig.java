package ai.mnemo.service.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the services that compute (trainer, eval) check about their device at start. */
@ConfigMapping(prefix = "mnemo.device")
public interface DeviceConfig {

    /**
     * The device this instance must compute on: {@code auto} (whatever the engine finds), {@code cpu} or {@code gpu}
     * (refuse to start without one; the gpu-cluster overlay sets it). Env: {@code MNEMO_DEVICE_EXPECT}.
     */
    @WithDefault("auto")
    DeviceExpectation expect();
}
