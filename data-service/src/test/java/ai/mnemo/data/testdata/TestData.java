package ai.mnemo.data.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * The tests' data root: the demo exports of docs/examples/data (PopQA and LAMA schemas, copied into
 * src/test/resources/data), the LAMA demo as Parquet, plus a few bad files made here: a symbolic link that leads out of the root, and a file
 * whose columns belong to another dataset.
 */
public final class TestData {

    public static final String POPQA = "popqa-demo.jsonl";
    public static final String LAMA = "lama-demo.jsonl";
    /** The LAMA demo as Parquet, written here by DuckDB from its JSON rows (structs and lists as in a real export). */
    public static final String LAMA_PARQUET = "lama-demo.parquet";
    /** A link inside the root to a file outside it. */
    public static final String ESCAPE = "escape.jsonl";

    private TestData() {
    }

    /** Fills {@code root} (creating it) and returns it. Safe to call again. */
    public static synchronized Path install(Path root) {
        try {
            Files.createDirectories(root);
            for (String name : List.of(POPQA, LAMA)) {
                try (InputStream in = TestData.class.getResourceAsStream("/data/" + name)) {
                    Files.copy(in, root.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!Files.exists(root.resolve(LAMA_PARQUET))) {
                parquet(root.resolve(LAMA), root.resolve(LAMA_PARQUET));
            }
            Path outside = Files.createDirectories(root.toAbsolutePath().getParent().resolve("outside-data-root"));
            Path secret = Files.writeString(outside.resolve("secret.jsonl"),
                    "{\"question\": \"secret?\", \"possible_answers\": \"[\\\"s\\\"]\"}\n");
            Path link = root.resolve(ESCAPE);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, secret.toAbsolutePath());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parquet(Path json, Path target) {
        try (Connection db = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_json('" + json.toAbsolutePath() + "')) TO '"
                    + target.toAbsolutePath() + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + target, e);
        }
    }
}
