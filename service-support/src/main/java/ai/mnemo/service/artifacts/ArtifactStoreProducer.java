package ai.mnemo.service.artifacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's artifact store, rooted at {@code mnemo.artifacts.root}. */
@ApplicationScoped
public class ArtifactStoreProducer {

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(@ConfigProperty(name = "mnemo.artifacts.root") String root) {
        return new ArtifactStore(Path.of(root));
    }
}
