package ai.mnemo.service.device;

/** The engine's device is not the one the service is deployed for: the service must not start. */
public class DeviceRefusedException extends IllegalStateException {

    public DeviceRefusedException(String message) {
        super(message);
    }
}
