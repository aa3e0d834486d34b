package ai.mnemo.cli.commands;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The quickstart experiment: the spec file shipped with the CLI, with the number of facts and the seed set. */
final class QuickstartSpec {

    static final String RESOURCE = "/specs/quickstart.yaml";

    private QuickstartSpec() {}

    static ExperimentSpec build(int facts, long seed) {
        try (InputStream in = QuickstartSpec.class.getResourceAsStream(RESOURCE)) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ExperimentSpecs.requireValid(ExperimentSpecs.parse(template
                    .replace("${facts}", Integer.toString(facts))
                    .replace("${seed}", Long.toString(seed))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
