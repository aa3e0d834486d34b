package ai.mnemo.service.device;

import ai.djl.engine.Engine;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Starts DJL's PyTorch engine outside a service and prints its device: what a pod would get, without Kafka. The GPU
 * image's build runs it once so that DJL downloads the CUDA libtorch; in a pod it answers "does this container see
 * the GPU?":
 *
 * <pre>
 * java -cp '/deployments/lib/boot/*:/deployments/lib/main/*' ai.mnemo.service.device.DeviceCommand [auto|cpu|gpu]
 * </pre>
 *
 * Exit status 0 when the device is the expected one, 1 when not, 2 on a bad argument.
 */
public final class DeviceCommand {

    private DeviceCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        DeviceExpectation expectation;
        try {
            if (args.length > 1) {
                throw new IllegalArgumentException("one argument at most");
            }
            expectation = args.length == 0 ? DeviceExpectation.AUTO
                    : DeviceExpectation.valueOf(args[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("usage: DeviceCommand [auto|cpu|gpu], not: " + String.join(" ", args));
            return 2;
        }
        DeviceReport report = EngineDevice.report(Engine.getEngine("PyTorch"));
        out.println(report.summary());
        return expectation.refusal(report).map(reason -> {
            err.println(reason);
            return 1;
        }).orElse(0);
    }
}
