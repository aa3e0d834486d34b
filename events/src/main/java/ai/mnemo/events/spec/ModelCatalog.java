package ai.mnemo.events.spec;

import java.util.Optional;

/**
 * Whether a spec's {@code model.uri} names a model the fleet can load. Services answer from their configured model
 * root; {@link #UNCHECKED} is for callers that have no model root (a spec checked offline).
 */
@FunctionalInterface
public interface ModelCatalog {

    ModelCatalog UNCHECKED = uri -> Optional.empty();

    /** Why {@code uri} cannot be used, or empty when it names a loadable model. */
    Optional<String> problem(String uri);
}
