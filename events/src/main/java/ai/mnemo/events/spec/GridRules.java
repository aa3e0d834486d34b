package ai.mnemo.events.spec;

import java.util.List;
import java.util.Map;

/** Rules of {@code grid}: methods and what each needs, the grid's value lists and seeds. */
final class GridRules {

    static final int MAX_LORA_RANK = 4096;

    private GridRules() {
    }

    /** {@code stageCount} is the number of stages written, or -1 when unknown (stage lists are then not checked). */
    static void check(Checks checks, GridSpec grid, int stageCount) {
        if (!checks.required("grid", grid)) {
            return;
        }
        List<MethodSpec> methods = grid.methods();
        if (checks.required("grid.methods", methods) && checks.size("grid.methods", methods, 1, checks.limits().gridValues())) {
            for (int j = 0; j < methods.size(); j++) {
                method(checks, "grid.methods[" + j + "]", methods.get(j), stageCount);
            }
        }
        SpecLimits limits = checks.limits();
        positives(checks, "grid.mixRatios", grid.mixRatios());
        bounded(checks, "grid.mixRatios", grid.mixRatios(), limits.mixRatio(), "mix-ratio");
        axis(checks, "grid.klWeights", grid.klWeights(), methods, SpecVocabulary.KL);
        positives(checks, "grid.klWeights", grid.klWeights());
        axis(checks, "grid.ewcLambdas", grid.ewcLambdas(), methods, SpecVocabulary.EWC);
        positives(checks, "grid.ewcLambdas", grid.ewcLambdas());
        axis(checks, "grid.loraRanks", grid.loraRanks(), methods, SpecVocabulary.LORA);
        integers(checks, "grid.loraRanks", grid.loraRanks(), 1, MAX_LORA_RANK);
        positives(checks, "grid.learningRates", grid.learningRates());
        integers(checks, "grid.batchSizes", grid.batchSizes(), 1, limits.batchSize());
        for (String axis : List.of("mixRatios", "klWeights", "ewcLambdas", "loraRanks", "learningRates",
                "batchSizes")) {
            checks.size("grid." + axis, axisValues(grid, axis), 0, limits.gridValues());
        }
        if (checks.notEmpty("grid.seeds", grid.seeds())
                && checks.size("grid.seeds", grid.seeds(), 1, limits.seeds())) {
            for (int k = 0; k < grid.seeds().size(); k++) {
                checks.required("grid.seeds[" + k + "]", grid.seeds().get(k));
            }
            checks.distinct("grid.seeds", grid.seeds());
        }
    }

    /**
     * Rules between the grid and the stages: a grid axis of learning rates or batch sizes replaces every stage's
     * value, so a stage may not set its own; a micro-batch may not be larger than a batch it is part of (checked
     * where it is set: at the experiment's level, and for each stage that sets a micro-batch or batch of its own).
     */
    static void checkAgainstStages(Checks checks, ExperimentSpec spec) {
        if (spec.stages() == null || spec.grid() == null) {
            return;
        }
        TrainingSpec experiment = SpecDefaults.or(spec.training(), TrainingSpec.EMPTY);
        microBatch(checks, "training", experiment.microBatchSize(), experiment.batchSize(), spec.grid());
        for (int i = 0; i < spec.stages().size(); i++) {
            StageSpec stage = spec.stages().get(i);
            TrainingSpec own = stage == null || stage.training() == null ? TrainingSpec.EMPTY : stage.training();
            String at = "stages[" + i + "].training";
            if (own.learningRate() != null && spec.grid().learningRates() != null) {
                checks.fail(at + ".learningRate", "is set while grid.learningRates sweeps the learning rate of every"
                        + " stage; remove one of the two");
            }
            if (own.batchSize() != null && spec.grid().batchSizes() != null) {
                checks.fail(at + ".batchSize", "is set while grid.batchSizes sweeps the batch size of every stage;"
                        + " remove one of the two");
            }
            if (own.microBatchSize() != null || own.batchSize() != null) {
                microBatch(checks, at, SpecDefaults.or(own.microBatchSize(), experiment.microBatchSize()),
                        SpecDefaults.or(own.batchSize(), experiment.batchSize()), spec.grid());
            }
        }
    }

    private static void microBatch(Checks checks, String at, Integer micro, Integer batch, GridSpec grid) {
        if (micro == null) {
            return;
        }
        List<Integer> batches = grid.batchSizes() != null ? grid.batchSizes()
                : List.of(SpecDefaults.or(batch, SpecDefaults.TRAINING.batchSize()));
        batches.stream().filter(b -> b != null && micro > b).min(Integer::compare).ifPresent(b -> checks.fail(
                at + ".microBatchSize", "must not be larger than the batch size " + b + " (was " + micro + ")"));
    }

    private static void method(Checks checks, String at, MethodSpec method, int stageCount) {
        if (!checks.required(at, method)) {
            return;
        }
        String name = method.name();
        if (checks.required(at + ".name", name)) {
            checks.oneOf(at + ".name", name, SpecVocabulary.METHODS);
        }
        if (SpecVocabulary.REMIX.equals(name) && method.mixing() == null) {
            checks.fail(at + ".mixing", "is required for remix");
        }
        if (SpecVocabulary.REPLAY.equals(name) && method.replay() == null) {
            checks.fail(at + ".replay", "is required for replay (with a fraction, 0 < f <= 1)");
        }
        onlyFor(checks, at + ".kl", method.kl(), name, SpecVocabulary.KL);
        onlyFor(checks, at + ".ewc", method.ewc(), name, SpecVocabulary.EWC);
        onlyFor(checks, at + ".lora", method.lora(), name, SpecVocabulary.LORA);
        if (method.mixing() != null) {
            mixing(checks, at + ".mixing", method.mixing(), stageCount);
        }
        if (method.replay() != null && checks.required(at + ".replay.fraction", method.replay().fraction())) {
            checks.fraction(at + ".replay.fraction", method.replay().fraction(), false);
        }
        if (method.kl() != null) {
            checks.positive(at + ".kl.weight", method.kl().weight());
        }
        if (method.ewc() != null) {
            checks.positive(at + ".ewc.lambda", method.ewc().lambda());
        }
        if (method.lora() != null) {
            lora(checks, at + ".lora", method.lora(), stageCount);
        }
    }

    /** A method's parameter block is read by that method alone; elsewhere it is a mistake. */
    private static void onlyFor(Checks checks, String at, Object block, String name, String method) {
        if (block != null && name != null && !method.equals(name)) {
            checks.fail(at, "is only read by method " + method + " (this method is " + name + ")");
        }
    }

    private static void mixing(Checks checks, String at, MixingSpec mixing, int stageCount) {
        if (checks.required(at + ".source", mixing.source())) {
            checks.oneOf(at + ".source", mixing.source(), SpecVocabulary.MIXING_SOURCES);
            if (SpecVocabulary.MIXING_SOURCES.contains(mixing.source())
                    && !SpecVocabulary.RANDOM_WORDS.equals(mixing.source()) && mixing.path() == null) {
                checks.fail(at + ".path", "mixing source " + mixing.source() + " needs its export: set the path of"
                        + " the file under the data root");
            }
        }
        mixingValues(checks, at, mixing);
        List<Integer> stages = mixing.stages();
        if (stages != null && stages.isEmpty()) {
            checks.fail(at + ".stages", "must not be empty (leave it out to mix every stage)");
        }
        stageList(checks, at + ".stages", stages, stageCount);
        if (mixing.byStage() == null) {
            return;
        }
        for (Map.Entry<Integer, MixingSpec> entry : mixing.byStage().entrySet()) {
            String own = at + ".byStage." + entry.getKey();
            int i = entry.getKey();
            if (stages != null ? !stages.contains(i) : i < 0 || (stageCount > 0 && i >= stageCount)) {
                checks.fail(own, "names stage " + i + ", which " + (stages != null ? at + ".stages does not list"
                        : "the experiment does not have"));
            }
            MixingSpec override = entry.getValue();
            if (!checks.required(own, override)) {
                continue;
            }
            if (override.stages() != null || override.byStage() != null) {
                checks.fail(own, "sets one stage's source, ratio, wordsPerSequence or path; stages and byStage "
                        + "belong to the method's mixing block");
            }
            checks.oneOf(own + ".source", override.source(), SpecVocabulary.MIXING_SOURCES);
            mixingValues(checks, own, override);
            if (override.source() != null && !override.source().equals(mixing.source())
                    && !SpecVocabulary.RANDOM_WORDS.equals(override.source()) && override.path() == null) {
                checks.fail(own + ".path", "is required when the stage mixes " + override.source()
                        + ", another source than the method's");
            }
        }
    }

    private static void mixingValues(Checks checks, String at, MixingSpec mixing) {
        SpecLimits limits = checks.limits();
        checks.positiveUpTo(at + ".ratio", mixing.ratio(), limits.mixRatio(), "mix-ratio");
        checks.upTo(at + ".wordsPerSequence", mixing.wordsPerSequence(), 1, limits.wordsPerSequence(),
                "words-per-sequence");
        checks.underRoot(at + ".path", mixing.path(), "data root");
    }

    private static void lora(Checks checks, String at, LoraSpec lora, int stageCount) {
        checks.between(at + ".rank", lora.rank(), 1, MAX_LORA_RANK);
        checks.positive(at + ".alpha", lora.alpha());
        List<String> targets = lora.targetModules();
        if (targets != null) {
            if (targets.isEmpty()) {
                checks.fail(at + ".targetModules", "must not be empty (leave it out to adapt all seven projections)");
            }
            for (int k = 0; k < targets.size(); k++) {
                if (checks.required(at + ".targetModules[" + k + "]", targets.get(k))) {
                    checks.oneOf(at + ".targetModules[" + k + "]", targets.get(k), SpecVocabulary.LORA_TARGETS);
                }
            }
            checks.distinct(at + ".targetModules", targets);
        }
        if (lora.stages() != null && lora.stages().isEmpty()) {
            checks.fail(at + ".stages", "must not be empty (leave it out to adapt every stage after stage 0)");
        }
        stageList(checks, at + ".stages", lora.stages(), stageCount);
    }

    private static void stageList(Checks checks, String at, List<Integer> stages, int stageCount) {
        if (stages == null) {
            return;
        }
        for (int k = 0; k < stages.size(); k++) {
            String entry = at + "[" + k + "]";
            Integer index = stages.get(k);
            if (checks.required(entry, index) && stageCount > 0 && (index < 0 || index >= stageCount)) {
                checks.fail(entry, "must be a stage index between 0 and " + (stageCount - 1) + " (was " + index + ")");
            }
        }
        checks.distinct(at, stages);
    }

    /** A grid axis for one method's parameter needs that method in the grid. */
    private static void axis(Checks checks, String at, List<?> values, List<MethodSpec> methods, String method) {
        if (values != null && methods != null
                && methods.stream().noneMatch(m -> m != null && method.equals(m.name()))) {
            checks.fail(at, "sweeps a parameter of method " + method + ", which grid.methods does not have");
        }
    }

    private static List<?> axisValues(GridSpec grid, String axis) {
        return switch (axis) {
            case "mixRatios" -> grid.mixRatios();
            case "klWeights" -> grid.klWeights();
            case "ewcLambdas" -> grid.ewcLambdas();
            case "loraRanks" -> grid.loraRanks();
            case "learningRates" -> grid.learningRates();
            default -> grid.batchSizes();
        };
    }

    private static void bounded(Checks checks, String at, List<Double> values, double max, String limit) {
        if (values != null) {
            for (int k = 0; k < values.size(); k++) {
                Double value = values.get(k);
                if (value != null && value > 0 && value > max) {
                    checks.positiveUpTo(at + "[" + k + "]", value, max, limit);
                }
            }
        }
    }

    private static void positives(Checks checks, String at, List<Double> values) {
        if (checks.notEmpty(at, values)) {
            for (int k = 0; k < values.size(); k++) {
                if (checks.required(at + "[" + k + "]", values.get(k))) {
                    checks.positive(at + "[" + k + "]", values.get(k));
                }
            }
            checks.distinct(at, values);
        }
    }

    private static void integers(Checks checks, String at, List<Integer> values, int min, int max) {
        if (checks.notEmpty(at, values)) {
            for (int k = 0; k < values.size(); k++) {
                if (checks.required(at + "[" + k + "]", values.get(k))) {
                    checks.between(at + "[" + k + "]", values.get(k), min, max);
                }
            }
            checks.distinct(at, values);
        }
    }
}
