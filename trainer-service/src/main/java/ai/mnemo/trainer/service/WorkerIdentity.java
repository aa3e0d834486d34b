package ai.mnemo.trainer.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code hostname:pid}, the worker name in TrainingStarted, so a job's logs can be found. */
public final class WorkerIdentity {

    private WorkerIdentity() {}

    public static String current() {
        return hostname() + ":" + ProcessHandle.current().pid();
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
