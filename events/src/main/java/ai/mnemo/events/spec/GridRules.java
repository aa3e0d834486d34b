package ai.mnemo.events.spec;

import java.util.List;

/** Rules of {@code grid}: methods and what each needs, mix ratios and seeds. */
final class GridRules {

    static final int MAX_METHODS = 20;

    private GridRules() {
    }

    /** {@code stageCount} is the number of stages written, or -1 when unknown (mixing.stages is then not checked). */
    static void check(Checks checks, GridSpec grid, int stageCount) {
        if (!checks.required("grid", grid)) {
            return;
        }
        List<MethodSpec> methods = grid.methods();
        if (checks.required("grid.methods", methods) && checks.size("grid.methods", methods, 1, MAX_METHODS)) {
            for (int j = 0; j < methods.size(); j++) {
                method(checks, "grid.methods[" + j + "]", methods.get(j), stageCount);
            }
        }
        if (checks.notEmpty("grid.mixRatios", grid.mixRatios())) {
            for (int k = 0; k < grid.mixRatios().size(); k++) {
                String at = "grid.mixRatios[" + k + "]";
                if (checks.required(at, grid.mixRatios().get(k))) {
                    checks.positive(at, grid.mixRatios().get(k));
                }
            }
            checks.distinct("grid.mixRatios", grid.mixRatios());
        }
        if (checks.notEmpty("grid.seeds", grid.seeds())) {
            for (int k = 0; k < grid.seeds().size(); k++) {
                checks.required("grid.seeds[" + k + "]", grid.seeds().get(k));
            }
            checks.distinct("grid.seeds", grid.seeds());
        }
    }

    private static void method(Checks checks, String at, MethodSpec method, int stageCount) {
        if (!checks.required(at, method)) {
            return;
        }
        if (checks.required(at + ".name", method.name())) {
            checks.oneOf(at + ".name", method.name(), SpecVocabulary.METHODS);
        }
        if (SpecVocabulary.REMIX.equals(method.name()) && method.mixing() == null) {
            checks.fail(at + ".mixing", "is required for remix");
        }
        if (SpecVocabulary.REPLAY.equals(method.name()) && method.replay() == null) {
            checks.fail(at + ".replay", "is required for replay (with a fraction, 0 < f <= 1)");
        }
        if (method.mixing() != null) {
            mixing(checks, at + ".mixing", method.mixing(), stageCount);
        }
        if (method.replay() != null && checks.required(at + ".replay.fraction", method.replay().fraction())) {
            checks.fraction(at + ".replay.fraction", method.replay().fraction(), false);
        }
    }

    private static void mixing(Checks checks, String at, MixingSpec mixing, int stageCount) {
        if (checks.required(at + ".source", mixing.source())) {
            checks.oneOf(at + ".source", mixing.source(), SpecVocabulary.MIXING_SOURCES);
        }
        checks.positive(at + ".ratio", mixing.ratio());
        checks.atLeast(at + ".wordsPerSequence", mixing.wordsPerSequence(), 1);
        checks.underRoot(at + ".path", mixing.path(), "data root");
        List<Integer> stages = mixing.stages();
        if (stages == null) {
            return;
        }
        if (stages.isEmpty()) {
            checks.fail(at + ".stages", "must not be empty (leave it out to mix every stage)");
        }
        for (int k = 0; k < stages.size(); k++) {
            String entry = at + ".stages[" + k + "]";
            Integer index = stages.get(k);
            if (checks.required(entry, index) && stageCount > 0 && (index < 0 || index >= stageCount)) {
                checks.fail(entry, "must be a stage index between 0 and " + (stageCount - 1) + " (was " + index + ")");
            }
        }
        checks.distinct(at + ".stages", stages);
    }
}
