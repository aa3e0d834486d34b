package ai.mnemo.service.device;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start of a service that computes: logs the device its engine got, exports it to Prometheus
 * ({@code mnemo_device_info{service,device,name,cuda} 1} and {@code mnemo_gpu_count{service}}) and refuses to start
 * when it is not the expected one. The service hands in the report of the engine it started, so this class needs no
 * engine of its own (data-service and results-service have none).
 */
@Singleton
public class DeviceCheck {

    public static final String INFO = "mnemo.device.info";
    public static final String GPU_COUNT = "mnemo.gpu.count";

    private static final Logger LOG = Logger.getLogger(DeviceCheck.class);

    private final DeviceExpectation expectation;
    private final MeterRegistry registry;
    private final String service;
    private volatile DeviceReport verified;
    private volatile String hardware;

    @Inject
    public DeviceCheck(DeviceConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this(config.expect(), registry, service);
    }

    DeviceCheck(DeviceExpectation expectation, MeterRegistry registry, String service) {
        this.expectation = expectation;
        this.registry = registry;
        this.service = service;
    }

    /** @throws DeviceRefusedException when the device is not the expected one (the service must not start) */
    public DeviceReport verify(DeviceReport report) {
        LOG.infof("%s (mnemo.device.expect=%s)", report.summary(), expectation.name().toLowerCase());
        Tags serviceTag = Tags.of("service", service);
        Gauge.builder(INFO, () -> 1).description("The device this instance computes on (always 1; see the tags)")
                .tags(serviceTag.and("device", report.device(), "name", report.name(), "cuda",
                        report.cudaVersion() == null ? "none" : report.cudaVersion()))
                .register(registry);
        Gauge.builder(GPU_COUNT, report::gpuCount).description("GPUs visible to this instance's engine")
                .tags(serviceTag).register(registry);
        expectation.refusal(report).ifPresent(reason -> {
            LOG.error(reason);
            throw new DeviceRefusedException(reason);
        });
        hardware = Hardware.describe(report);
        verified = report;
        LOG.infof("job costs are counted on %s", hardware);
        return report;
    }

    /** A clock for one job's cost on the verified device; before {@link #verify} (tests without an engine) none. */
    public Optional<CostClock> costClock() {
        DeviceReport report = verified;
        return report == null ? Optional.empty()
                : Optional.of(CostClock.start(report, hardware));
    }
}
