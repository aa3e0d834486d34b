package ai.mnemo.service.artifacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's artifact store, rooted at {@code mnemo.artifacts.root}, with base models under
 * {@code mnemo.models.root} (default {@code <artifacts root>/models}).
 */
@ApplicationScoped
public class ArtifactStoreProducer {

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(@ConfigProperty(name = "mnemo.artifacts.root") String root,
            @ConfigProperty(name = "mnemo.models.root") Optional<String> models) {
        return models.map(m -> new ArtifactStore(Path.of(root), Path.of(m))).orElseGet(() -> new ArtifactStore(
                Path.of(root)));
    }
}
