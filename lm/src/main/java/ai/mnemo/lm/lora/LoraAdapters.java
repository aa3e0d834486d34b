package ai.mnemo.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.ParameterNames;
import ai.mnemo.lm.model.WeightLayout;
import ai.mnemo.lm.util.SeededRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Low-rank adapters for every layer of a model (LoRA, Hu et al. 2021), kept apart from the frozen weights: the
 * tensors under PEFT's names ({@code base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight}) so a saved
 * set opens with PEFT. They live on their own manager, which {@link #close()} frees.
 */
public final class LoraAdapters implements AutoCloseable {

    /** The prefix PEFT gives adapter tensors of a causal LM. */
    public static final String PEFT_PREFIX = "base_model.model.";

    private final LlamaConfig config;
    private final LoraShape shape;
    private final NDManager manager;
    private final List<LayerAdapters> layers;
    private final Map<String, NDArray> parameters;

    private LoraAdapters(LlamaConfig config, LoraShape shape, NDManager manager, Map<String, NDArray> named) {
        this.config = config;
        this.shape = shape;
        this.manager = manager;
        List<LayerAdapters> built = new ArrayList<>();
        Map<String, NDArray> ordered = new LinkedHashMap<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            Map<LoraTarget, LayerAdapters.Pair> pairs = new EnumMap<>(LoraTarget.class);
            for (LoraTarget target : shape.targets()) {
                String a = name(target, i, "lora_A");
                String b = name(target, i, "lora_B");
                NDArray aWeight = WeightLayout.requireShape(named, a,
                        new Shape(shape.rank(), target.inFeatures(config)));
                NDArray bWeight = WeightLayout.requireShape(named, b,
                        new Shape(target.outFeatures(config), shape.rank()));
                pairs.put(target, new LayerAdapters.Pair(aWeight, bWeight));
                ordered.put(a, aWeight);
                ordered.put(b, bWeight);
            }
            built.add(new LayerAdapters(config, shape.scale(), pairs));
        }
        this.layers = List.copyOf(built);
        this.parameters = Collections.unmodifiableMap(ordered);
    }

    /**
     * Fresh adapters as PEFT initialises them: A uniform in {@code +-1/sqrt(in)} (Kaiming-uniform with a =
     * sqrt(5)), B zero, so the adapted model starts equal to the frozen one. Drawn from {@code seed} in layer, then
     * target order.
     */
    public static LoraAdapters initialize(LlamaConfig config, LoraShape shape, long seed, NDManager parent) {
        NDManager manager = parent.newSubManager();
        SeededRandom random = new SeededRandom(seed);
        Map<String, NDArray> named = new LinkedHashMap<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            for (LoraTarget target : shape.targets()) {
                long in = target.inFeatures(config);
                float bound = (float) (1.0 / Math.sqrt(in));
                float[] a = new float[Math.toIntExact(shape.rank() * in)];
                for (int k = 0; k < a.length; k++) {
                    a[k] = (float) ((2 * random.nextDouble() - 1) * bound);
                }
                named.put(name(target, i, "lora_A"), manager.create(a, new Shape(shape.rank(), in)));
                named.put(name(target, i, "lora_B"), manager.zeros(new Shape(target.outFeatures(config),
                        shape.rank())));
            }
        }
        return new LoraAdapters(config, shape, manager, named);
    }

    /** Adapters from PEFT-named tensors, which must live on {@code manager}; the adapters own it from then on. */
    public static LoraAdapters of(LlamaConfig config, LoraShape shape, Map<String, NDArray> named, NDManager manager) {
        return new LoraAdapters(config, shape, manager, named);
    }

    /** PEFT's name of an adapter tensor: {@code base_model.model.<module path>.lora_A.weight}. */
    public static String name(LoraTarget target, int layer, String matrix) {
        return PEFT_PREFIX + target.modulePath(layer) + "." + matrix + ".weight";
    }

    public LoraShape shape() {
        return shape;
    }

    public LlamaConfig config() {
        return config;
    }

    /** Every adapter tensor under its PEFT name, in layer and target order: what training updates. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    public LayerAdapters layer(int index) {
        return layers.get(index);
    }

    /** Adds every adapter's update {@code s B A} to the frozen weight it adapts, in place. */
    public void mergeInto(Llama model) {
        if (!model.config().equals(config)) {
            throw new IllegalArgumentException("the adapters were made for another architecture");
        }
        Map<String, NDArray> weights = model.parameters();
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient(); NDManager scope = manager.newSubManager()) {
            for (int i = 0; i < layers.size(); i++) {
                LayerAdapters layer = layers.get(i);
                merge(weights.get(ParameterNames.fusedQkv(i)), layer,
                        List.of(LoraTarget.Q, LoraTarget.K, LoraTarget.V), scope);
                merge(weights.get(ParameterNames.attention(i, "o_proj")), layer, List.of(LoraTarget.O), scope);
                merge(weights.get(ParameterNames.fusedGateUp(i)), layer, List.of(LoraTarget.GATE, LoraTarget.UP),
                        scope);
                merge(weights.get(ParameterNames.mlp(i, "down_proj")), layer, List.of(LoraTarget.DOWN), scope);
            }
        }
    }

    /** Adds the updates of {@code parts} (stacked in this order along the output axis) to {@code weight}. */
    private void merge(NDArray weight, LayerAdapters layer, List<LoraTarget> parts, NDManager scope) {
        if (parts.stream().noneMatch(layer.pairs()::containsKey)) {
            return;
        }
        NDList updates = new NDList(parts.size());
        for (LoraTarget part : parts) {
            NDArray update = layer.pairs().containsKey(part) ? layer.weightUpdate(part)
                    : scope.zeros(new Shape(part.outFeatures(config), part.inFeatures(config)));
            update.attach(scope);
            updates.add(update);
        }
        NDArray stacked = NDArrays.concat(updates, 0);
        stacked.attach(scope);
        // The adapters are read in FP32; a base loaded in half precision takes the update in its own dtype.
        weight.addi(stacked.getDataType() == weight.getDataType() ? stacked
                : stacked.toType(weight.getDataType(), false));
    }

    @Override
    public void close() {
        manager.close();
    }
}
