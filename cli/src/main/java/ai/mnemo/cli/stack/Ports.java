package ai.mnemo.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Port choices of a local stack: fixed ones for `mnemo up`, free ones for an ephemeral quickstart. */
public record Ports(int broker, int controller, int results, int data, int trainer, int eval) {

    public static Ports defaults() {
        return new Ports(9092, 9093, 8080, 8081, 8082, 8083);
    }

    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }

    /** A port no process listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
