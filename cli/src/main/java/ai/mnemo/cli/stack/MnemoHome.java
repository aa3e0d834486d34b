package ai.mnemo.cli.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The checkout the CLI runs from (system property {@code mnemo.home}, set by ./mnemo) and its built artifacts. */
public record MnemoHome(Path root) {

    public static final List<String> SERVICES =
            List.of("results-service", "data-service", "trainer-service", "eval-service");

    public static MnemoHome current() {
        return new MnemoHome(Path.of(System.getProperty("mnemo.home", ".")).toAbsolutePath().normalize());
    }

    public Path serviceJar(String service) {
        return require(root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"));
    }

    public String brokerClasspath() {
        Path target = root.resolve("local-broker/target");
        require(target.resolve("local-broker.jar"));
        return target.resolve("local-broker.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    /** Where local stacks keep their state, logs and artifacts: {@code <root>/.mnemo}. */
    public Path stateRoot() {
        return root.resolve(".mnemo");
    }

    /** Base models specs name by a relative {@code model.uri}, shared by every local stack: {@code .mnemo/models}. */
    public Path modelRoot() {
        return stateRoot().resolve("models");
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path require(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: build first (./mvnw -DskipTests install)");
        }
        return path;
    }
}
