package ai.mnemo.service.spec;

import ai.mnemo.events.spec.ModelCatalog;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Answers whether a spec's {@code model.uri} names a Hugging Face checkpoint directory under this service's model
 * root, following symbolic links: one that leads outside the roots is refused. Messages name the model as written,
 * never a path of this machine.
 */
public final class ModelRootCatalog implements ModelCatalog {

    private final ArtifactStore store;

    public ModelRootCatalog(ArtifactStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> problem(String uri) {
        Path directory;
        try {
            directory = store.model(uri);
        } catch (IllegalArgumentException e) {
            return Optional.of("must name a model under the model root (was " + uri + ")");
        }
        if (!Files.isRegularFile(directory.resolve("config.json"))) {
            return Optional.of("no model '" + uri + "' under the model root (a directory with config.json); bring"
                    + " a Hugging Face checkpoint there first, see docs/operations.md");
        }
        try {
            store.inside(directory.toRealPath());
        } catch (IllegalArgumentException | IOException e) {
            return Optional.of("model '" + uri + "' leads outside the model root through a link");
        }
        return Optional.empty();
    }
}
