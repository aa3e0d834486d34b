package ai.mnemo.data.preparation;

import ai.mnemo.data.config.DataConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** The service's data root, from {@code mnemo.data.root}. */
@ApplicationScoped
public class DataRootProducer {

    @Produces
    @ApplicationScoped
    DataRoot dataRoot(DataConfig config) {
        return new DataRoot(Path.of(config.root()));
    }
}
