package ai.mnemo.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.commands.PlanCommand;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.plan.GpuMemory;
import ai.mnemo.lm.plan.SpecPlans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A spec's runs planned stage by stage, and {@code mnemo plan} printing them with a verdict. */
class SpecPlansTest {

    private static final String LLAMA_3_8B = """
            {"hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
             "intermediate_size": 14336, "rms_norm_eps": 1e-05, "rope_theta": 500000.0, "vocab_size": 128256,
             "max_position_embeddings": 8192, "bos_token_id": 128000, "eos_token_id": 128001,
             "model_type": "llama", "hidden_act": "silu", "tie_word_embeddings": false}
            """;

    private static final String SPEC = """
            name: plan
            model: {uri: Meta-Llama-3-8B}
            stages:
              - dataset: {name: kvr, split: A, size: 100}
              - dataset: {name: kvr, split: B, size: 100}
            training: {batchSize: 32, microBatchSize: 4, maxSequenceLength: 256, precision: bf16}
            grid:
              methods:
                - name: naive
                - name: lora
                  lora: {rank: 16}
                - name: kl
            """;

    @Test
    void everyRunCellIsPlannedPerStageWithTheStagesSettings(@TempDir Path dir) throws Exception {
        LlamaConfig config = LlamaConfig.read(Files.writeString(dir.resolve("config.json"), LLAMA_3_8B));
        List<SpecPlans.RunPlan> runs = SpecPlans.of(ExperimentSpecs.parse(SPEC).resolve(), config, null);

        assertEquals(List.of("naive", "lora r16", "kl"), runs.stream().map(SpecPlans.RunPlan::label).toList());
        long p = 8_030_261_248L;
        SpecPlans.RunPlan lora = runs.get(1);
        assertEquals(2 * p, lora.stages().get(0).bytes("gradients"), "stage 0 trains every weight in bf16");
        assertEquals(41_943_040L * 4, lora.stages().get(1).bytes("gradients"), "stage 1 trains rank-16 adapters");
        assertEquals(0, runs.get(2).stages().get(0).bytes("KL reference model"));
        assertEquals(2 * p, runs.get(2).stages().get(1).bytes("KL reference model"), "KL from stage 1 on");
        assertTrue(runs.get(0).peak().title().contains("micro-batch 4 x 256 tokens"), runs.get(0).peak().title());
    }

    @Test
    void theCommandPrintsATablePerRunAndFailsWhenOneDoesNotFit(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), LLAMA_3_8B);
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new PlanCommand()).execute(spec.toString(), "--gpu-memory", "80GiB",
                    "--model-config", config.toString());
        } finally {
            System.setOut(previous);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, printed);
        assertTrue(printed.contains("== lora r16"), printed);
        assertTrue(printed.contains("AdamW m and v"), printed);
        assertTrue(printed.contains("does not fit"), "KL holds a second bf16 model: " + printed);
        assertTrue(printed.contains("fits: needs"), printed);
        assertFalse(printed.contains("Exception"), printed);
    }

    @Test
    void readsMemorySizes() {
        assertEquals(80L << 30, GpuMemory.parse("80GiB"));
        assertEquals(141_000_000_000L, GpuMemory.parse("141 GB"));
    }
}
