package ai.mnemo.cli.commands;

import ai.mnemo.cli.corpus.EnglishCorpus;
import ai.mnemo.cli.corpus.Passage;
import ai.mnemo.cli.stack.MnemoHome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the generic English corpus (King James Bible + WordNet definitions) from Debian packages. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Write the generic English corpus (King James Bible chapters and WordNet definitions, from "
                + "Debian packages) as JSON Lines passages: for pretraining, generic REMIX mixing and passages stages.")
public final class CorpusCommand implements Callable<Integer> {

    /** Under the checkout (the local stack's data root), so specs name it by this relative path. */
    public static final String DEFAULT_FILE = ".mnemo/corpus/english.jsonl";

    @Option(names = "--out", defaultValue = DEFAULT_FILE,
            description = "the file, relative to the checkout (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        MnemoHome home = MnemoHome.current();
        List<String> missing = EnglishCorpus.missingPackages();
        if (!missing.isEmpty() && !install(missing)) {
            System.err.println("mnemo corpus: needs the Debian packages " + String.join(" ", missing)
                    + ": run  apt-get install -y " + String.join(" ", missing) + "  as root, then again");
            return 2;
        }
        Path file = home.root().resolve(out).normalize();
        java.nio.file.Files.createDirectories(file.getParent());
        System.out.println("writing the English corpus to " + file);
        List<Passage> passages = EnglishCorpus.write(file, System.out);
        System.out.printf("%,d passages, %,d bytes; use it as  path: %s%n", passages.size(),
                java.nio.file.Files.size(file), home.root().relativize(file));
        return 0;
    }

    /** Installs the packages when this process may (root), as CI and the study script run. */
    private static boolean install(List<String> packages) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        System.out.println("installing " + String.join(" ", packages) + " (apt-get)");
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
        command.addAll(packages);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor() == 0 && EnglishCorpus.missingPackages().isEmpty();
    }
}
