package ai.mnemo.cli.bench;

import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.mixing.WordList;
import ai.mnemo.datasets.pool.MixingRecipe;
import ai.mnemo.datasets.pool.PreparedStage;
import ai.mnemo.datasets.prepare.FactStage;
import ai.mnemo.datasets.prepare.Selection;
import ai.mnemo.datasets.prepare.Splits;
import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.datasets.source.SourcePool;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Dataset preparation at TriviaQA's size: writes a pool of {@code rows} facts in the real TriviaQA export schema
 * ({@code rc.nocontext} JSON Lines) to a temporary directory, then prepares split A of it through the code
 * data-service uses (import, split, template, REMIX random-word mixing, seeded shuffle, the JSON Lines file and its
 * content hash) and reports the wall time of that preparation (the probe, which needs a model, is not part of it).
 */
public final class DataBenchmark {

    private DataBenchmark() {}

    public record Settings(int rows, double ratio, int wordsPerSequence, String format, long seed) {
    }

    public static void run(Settings settings, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("mnemo-bench-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path export = dir.resolve("triviaqa-rc.nocontext.jsonl");
            TriviaQaExport.write(export, settings.rows(), settings.seed());
            out.printf("  pool: %d TriviaQA rows, %.1f MB (%s)%n", settings.rows(), Files.size(export) / 1e6, export);

            long start = System.nanoTime();
            SourcePool pool = SourcePool.read(DatasetSources.named("triviaqa"), export, export.getFileName().toString());
            long imported = System.nanoTime();
            Selection split = Splits.select(pool.facts(), null, Splits.offset("A", settings.rows(), null),
                    settings.rows(), "triviaqa");
            PreparedStage stage = FactStage.build(pool, split, settings.format(),
                    new MixingRecipe(WordList.standard(), settings.ratio(), settings.wordsPerSequence()), null,
                    settings.seed(), 0);
            long built = System.nanoTime();
            Path dataset = dir.resolve("dataset.jsonl");
            PreparedRows.write(dataset, stage.rows());
            String sha = Sha256.of(dataset);
            long written = System.nanoTime();

            out.printf("  import %.2f s, format + mix + shuffle %.2f s, write + hash %.2f s%n", (imported - start) / 1e9,
                    (built - imported) / 1e9, (written - built) / 1e9);
            out.printf("  prepared: %d facts + %d mixing rows = %d rows, %.1f MB, sha256 %s%n", stage.counts().facts(),
                    stage.counts().mixing(), stage.counts().total(), Files.size(dataset) / 1e6, sha.substring(0, 16));
            out.printf("RESULT rows=%d seconds=%.2f%n", stage.counts().total(), (written - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** A synthetic TriviaQA export: the {@code rc.nocontext} columns, each question unique, seeded. */
    static final class TriviaQaExport {

        private static final String[] WORDS = {"river", "castle", "composer", "island", "treaty", "planet", "opera",
            "painter", "harbour", "empire", "novel", "glacier", "senator", "festival", "mountain", "railway"};

        private TriviaQaExport() {}

        static void write(Path file, int rows, long seed) {
            Random random = new Random(seed);
            JsonFactory json = new JsonFactory();
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows; i++) {
                    String value = word(random) + " " + word(random) + " " + i;
                    try (JsonGenerator row = json.createGenerator(out)) {
                        row.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                        row.writeStartObject();
                        row.writeStringField("question", "Which " + word(random) + " of the " + word(random)
                                + " is known as trivia entry number " + i + " in the " + word(random) + " quiz?");
                        row.writeStringField("question_id", "bench_" + i);
                        row.writeStringField("question_source", "http://www.example.org/quiz/");
                        row.writeObjectFieldStart("entity_pages");
                        for (String list : List.of("doc_source", "filename", "title", "wiki_context")) {
                            row.writeArrayFieldStart(list);
                            row.writeEndArray();
                        }
                        row.writeEndObject();
                        row.writeObjectFieldStart("search_results");
                        for (String list : List.of("description", "filename", "rank", "title", "url", "search_context")) {
                            row.writeArrayFieldStart(list);
                            row.writeEndArray();
                        }
                        row.writeEndObject();
                        row.writeObjectFieldStart("answer");
                        row.writeArrayFieldStart("aliases");
                        row.writeString(value);
                        row.writeEndArray();
                        row.writeArrayFieldStart("normalized_aliases");
                        row.writeString(value.toLowerCase());
                        row.writeEndArray();
                        row.writeStringField("matched_wiki_entity_name", "");
                        row.writeStringField("normalized_matched_wiki_entity_name", "");
                        row.writeStringField("normalized_value", value.toLowerCase());
                        row.writeStringField("type", "FreeForm");
                        row.writeStringField("value", value);
                        row.writeEndObject();
                        row.writeEndObject();
                    }
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        private static String word(Random random) {
            return WORDS[random.nextInt(WORDS.length)];
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
