package ai.mnemo.cli.commands;

import ai.mnemo.lm.plan.GpuMemory;
import ai.mnemo.lm.plan.SpecPlans;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.events.spec.ModelSpec;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.plan.MemoryPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the device memory every run of a spec needs, part by part, and whether it fits a GPU. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan the GPU memory of every run of an experiment spec: weights, gradients, master copy, "
                + "AdamW state, adapters, KL/EWC copies and activations (no activation checkpointing), per stage.",
            "Exit code 0 when every run fits, 3 when one does not, 2 for an invalid spec."})
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment spec file")
    Path file;

    @Option(names = "--gpu-memory", defaultValue = "80GiB", description = "memory of one GPU (default: ${DEFAULT-VALUE})")
    String gpuMemory;

    @Option(names = "--model-config", description = "the model's config.json, when the spec's model is not at hand")
    Path modelConfig;

    @Option(names = "--sequence-length", description = "tokens per row (default: each stage's maxSequenceLength)")
    Integer sequenceLength;

    @Option(names = "--explain", description = "print every part's arithmetic")
    boolean explain;

    @Override
    public Integer call() {
        ExperimentSpec spec;
        try {
            spec = ExperimentSpecs.requireValid(ExperimentSpecs.parse(file)).resolve();
        } catch (InvalidSpecException e) {
            System.err.println(file + " is not a valid experiment spec:");
            for (Violation violation : e.violations()) {
                System.err.println("  " + violation);
            }
            return 2;
        }
        long device = GpuMemory.parse(gpuMemory);
        List<SpecPlans.RunPlan> runs = SpecPlans.of(spec, config(spec.model()), sequenceLength);
        boolean allFit = true;
        for (SpecPlans.RunPlan run : runs) {
            MemoryPlan peak = run.peak();
            System.out.println("== " + run.label() + ": stage " + run.stages().indexOf(peak) + " needs the most ("
                    + peak.title() + ")");
            System.out.print(peak.table());
            if (explain) {
                System.out.print(peak.explanation());
            }
            System.out.println(peak.verdict(device));
            System.out.println();
            allFit &= peak.fits(device);
        }
        return allFit ? 0 : 3;
    }

    /** The spec's model config: a preset, config.json under a file: URI or under the model root, or --model-config. */
    private LlamaConfig config(ModelSpec model) {
        if (modelConfig != null) {
            return LlamaConfig.read(modelConfig);
        }
        if (model.preset() != null) {
            return ModelPresets.named(model.preset());
        }
        Path dir = model.uri().startsWith("file:") ? Path.of(URI.create(model.uri()))
                : MnemoHome.current().modelRoot().resolve(model.uri());
        return LlamaConfig.read(dir.resolve("config.json"));
    }
}
