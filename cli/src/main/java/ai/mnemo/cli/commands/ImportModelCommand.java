package ai.mnemo.cli.commands;

import ai.mnemo.cli.models.CheckpointCheck;
import ai.mnemo.cli.models.ImportRefused;
import ai.mnemo.cli.models.ModelName;
import ai.mnemo.cli.models.ModelRootImport;
import ai.mnemo.cli.stack.MnemoHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a Hugging Face checkpoint directory and puts it under the model root, where specs name it. */
@Command(name = "import-model", mixinStandardHelpOptions = true,
        description = "Check a Hugging Face checkpoint directory (config.json of a supported family, tokenizer.json,"
                + " safetensors holding every tensor the config implies) and put it under the model root as NAME,"
                + " which specs name as  model: {uri: NAME}.")
public final class ImportModelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCE_DIR", description = "the checkpoint directory (e.g. a huggingface-cli download)")
    Path source;

    @Option(names = "--name", required = true, description = "the model's name under the model root")
    String name;

    @Option(names = "--model-root", description = "where the model goes (default: $MNEMO_MODELS, else "
            + ".mnemo/models in the checkout, the local stacks' model root)")
    Path modelRoot;

    @Option(names = "--replace", description = "replace a model of that name")
    boolean replace;

    @Option(names = "--link", description = "hard-link the files instead of copying them (same file system only)")
    boolean link;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ModelName.check(name);
        } catch (ImportRefused e) {
            err.println("mnemo import-model: " + e.getMessage());
            return 2;
        }
        try {
            CheckpointCheck.Checked checked = CheckpointCheck.check(source);
            ModelRootImport.Imported imported = new ModelRootImport(root()).install(source, name, replace, link);
            out.printf(Locale.ROOT, "imported %s: %s, %,d parameters in %d layers, %.1f GB of weights%n", name,
                    checked.config().modelType(), checked.parameters(), checked.config().numHiddenLayers(),
                    checked.weightBytes() / 1e9);
            if (!imported.skipped().isEmpty()) {
                out.println("left out (Mnemo does not read them): " + String.join(", ", imported.skipped()));
            }
            out.println("written to " + imported.target() + "; name it in a spec as  model: {uri: " + name + "}");
            return 0;
        } catch (ImportRefused e) {
            err.println("mnemo import-model: " + e.getMessage());
            return 1;
        }
    }

    private Path root() {
        if (modelRoot != null) {
            return modelRoot;
        }
        String env = System.getenv("MNEMO_MODELS");
        return env != null && !env.isBlank() ? Path.of(env) : MnemoHome.current().modelRoot();
    }
}
