package ai.mnemo.data.plan;

import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.spec.MixingSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Short names of runs for people: the method with what distinguishes it, then the seed, e.g. {@code naive/seed0},
 * {@code remix(random-words x2)/seed1}, {@code remix(random-words x2 @0)/seed0} (stage 0 only),
 * {@code replay(5%)/seed0}, {@code kl(weight 0.5)/seed0}, {@code ewc(lambda 1000)/seed0},
 * {@code lora(r8, alpha 16)/seed0}; a grid's learning rate and batch size join the details ({@code naive(lr 0.001,
 * batch 128)}).
 */
public final class RunLabels {

    private RunLabels() {
    }

    /**
     * @param stageCount the experiment's stages: settings that cover them all need no stage list
     * @param learningRate the grid's learning rate, or null when the grid has none
     * @param batchSize the grid's batch size, or null when the grid has none
     */
    public static String method(MethodSpec method, int stageCount, Double learningRate, Integer batchSize) {
        List<String> details = new ArrayList<>();
        if (method.replay() != null && method.replay().fraction() != null) {
            details.add(percent(method.replay().fraction()) + "%");
        }
        if (method.mixing() != null) {
            details.add(mixing(method.mixing(), stageCount));
        }
        if (method.kl() != null) {
            details.add("weight " + number(method.kl().weight()));
        }
        if (method.ewc() != null) {
            details.add("lambda " + number(method.ewc().lambda()));
        }
        if (method.lora() != null) {
            String stages = method.lora().stages().equals(IntStream.range(1, stageCount).boxed().toList()) ? ""
                    : " @" + stageList(method.lora().stages());
            details.add("r" + method.lora().rank() + ", alpha " + number(method.lora().alphaOrDefault()) + stages);
        }
        if (learningRate != null) {
            details.add("lr " + number(learningRate));
        }
        if (batchSize != null) {
            details.add("batch " + batchSize);
        }
        return details.isEmpty() ? method.name() : method.name() + "(" + String.join(", ", details) + ")";
    }

    public static String run(String methodLabel, long seed) {
        return methodLabel + "/seed" + seed;
    }

    /**
     * {@code random-words x2} when every stage mixes alike; otherwise each distinct setting with its stages,
     * {@code random-words x2 @0; knowledge-pile x1 @1}.
     */
    private static String mixing(MixingSpec mixing, int stageCount) {
        Map<String, TreeSet<Integer>> stagesBySetting = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (int stage : new TreeSet<>(mixing.stages())) {
            MixingSpec own = mixing.forStage(stage);
            String setting = own.source() + " x" + number(own.ratio());
            if (!stagesBySetting.containsKey(setting)) {
                order.add(setting);
            }
            stagesBySetting.computeIfAbsent(setting, s -> new TreeSet<>()).add(stage);
        }
        if (order.size() == 1 && mixing.stages().size() == stageCount) {
            return order.get(0); // every stage alike: the common case needs no stage list
        }
        List<String> parts = new ArrayList<>();
        for (String setting : order) {
            parts.add(setting + " @" + stageList(stagesBySetting.get(setting)));
        }
        return String.join("; ", parts);
    }

    private static String stageList(java.util.Collection<Integer> stages) {
        return String.join(",", new TreeSet<>(stages).stream().map(String::valueOf).toList());
    }

    /** {@code 0.05 -> "5"}, computed in decimal so that 0.05 does not become 5.000000000000001. */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** {@code 2.0 -> "2"}, {@code 0.5 -> "0.5"}; the shortest decimal that reads back as the same double. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
