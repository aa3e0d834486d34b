package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.StackState;
import java.io.PrintStream;

/** Prints where everything of a local stack can be reached. */
final class Endpoints {

    private Endpoints() {}

    static void print(StackState stack, PrintStream out) {
        String results = stack.resultsUrl();
        out.println("Kafka bootstrap servers   " + stack.bootstrapServers());
        out.println("results-service           " + results);
        out.println("  experiments             " + results + "/api/experiments");
        out.println("  OpenAPI                 " + results + "/q/openapi");
        out.println("data-service              http://127.0.0.1:" + stack.ports().data());
        out.println("trainer-service           http://127.0.0.1:" + stack.ports().trainer());
        out.println("eval-service              http://127.0.0.1:" + stack.ports().eval());
        out.println("health / metrics          <service>/q/health, <service>/q/metrics (Prometheus)");
        out.println("logs                      " + stack.dir().resolve("logs"));
        out.println("artifacts                 " + stack.dir().resolve("artifacts"));
    }
}
