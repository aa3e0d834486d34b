package ai.mnemo.service.artifacts;

import java.nio.file.Path;

/** Where each artifact of a run lives, in one place so producer and consumer never disagree. */
public final class ArtifactLayout {

    private ArtifactLayout() {}

    /** {@code runs/<runId>/}: the plan, then one directory per stage. */
    public record Run(Path dir) {

        public Path plan() {
            return dir.resolve("plan.json");
        }

        public Stage stage(int index) {
            return new Stage(dir.resolve("stages").resolve(Integer.toString(index)));
        }
    }

    /** {@code runs/<runId>/stages/<i>/}: the prepared rows, their manifest, the checkpoint, the predictions. */
    public record Stage(Path dir) {

        public Path dataset() {
            return dir.resolve("dataset.jsonl");
        }

        public Path manifest() {
            return dir.resolve("manifest.json");
        }

        public Path checkpoint() {
            return dir.resolve("checkpoint");
        }

        public Path predictions() {
            return dir.resolve("predictions");
        }
    }
}
