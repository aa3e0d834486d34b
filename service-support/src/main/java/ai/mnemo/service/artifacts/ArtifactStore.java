package ai.mnemo.service.artifacts;

import ai.mnemo.lm.config.ModelLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files shared between services (datasets, checkpoints, predictions), addressed in events by {@code file:} URIs
 * under one root, and the base models a spec names by a path under the model root. Every URI read from an event
 * is resolved here and must stay inside the roots: a path that escapes them is refused, never opened.
 */
public final class ArtifactStore implements ModelLocations {

    private final Path root;
    private final Path modelRoot;

    /** A store whose model root is {@code <root>/models}. */
    public ArtifactStore(Path root) {
        this(root, root.resolve("models"));
    }

    /** @param modelRoot where base models named by a relative {@code model.uri} are read (pretrained bases) */
    public ArtifactStore(Path root, Path modelRoot) {
        this.root = directory(root, "artifact root");
        this.modelRoot = directory(modelRoot, "model root");
    }

    private static Path directory(Path path, String what) {
        try {
            return Files.createDirectories(path.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + what + " " + path, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The layout of the run's files under the root. */
    public ArtifactLayout.Run run(String runId) {
        return new ArtifactLayout.Run(within(root.resolve("runs").resolve(safeName(runId))));
    }

    /** Files of a known-fact probe. */
    public Path probe(String probeId) {
        return within(root.resolve("probes").resolve(safeName(probeId)));
    }

    public Path modelRoot() {
        return modelRoot;
    }

    /**
     * The directory of a model named by a spec's {@code model.uri}: a {@code file:} URI inside the roots, or a path
     * relative to the model root (e.g. {@code small-kjv}, what {@code mnemo pretrain} writes).
     */
    @Override
    public Path model(String uri) {
        if (uri.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return path(uri);
        }
        return within(modelRoot.resolve(uri));
    }

    /** Base models materialized from presets, e.g. {@code models/tiny-seed0}. */
    @Override
    public Path preset(String preset, long seed) {
        return within(root.resolve("models").resolve(safeName(preset) + "-seed" + seed));
    }

    public String uri(Path path) {
        return within(path).toUri().toString();
    }

    /** The local path of a {@code file:} URI inside the root. */
    public Path path(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + uri, e);
        }
        if (!"file".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("unsupported artifact URI scheme (file: only): " + uri);
        }
        return within(Path.of(parsed));
    }

    /**
     * {@code path} normalized, when it lies inside the root (such as the base model an adapter directory names).
     *
     * @throws IllegalArgumentException when it lies outside
     */
    public Path inside(Path path) {
        return within(path);
    }

    private Path within(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        if (!normalized.startsWith(root) && !normalized.startsWith(modelRoot)) {
            throw new IllegalArgumentException("artifact path " + path + " is outside the artifact root " + root
                    + (modelRoot.startsWith(root) ? "" : " and the model root " + modelRoot));
        }
        return normalized;
    }

    private static String safeName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,200}") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a safe artifact name: " + name);
        }
        return name;
    }
}
