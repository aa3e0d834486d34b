package ai.mnemo.datasets.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * The tests' dataset exports: small files in each dataset's real schema (src/test/resources/fixtures, written for
 * Mnemo), copied into a test directory, and their Parquet twins, made here with DuckDB from the JSON rows (so no
 * binary file is committed).
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** Copies fixture {@code name} (e.g. {@code popqa.jsonl}) into {@code dir}. */
    public static Path copy(String name, Path dir) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same rows as a Parquet file (JSON objects become structs, JSON arrays lists, as in a real export). */
    public static Path parquet(Path json, Path target) {
        String format = json.toString().endsWith(".json") ? "array" : "newline_delimited";
        try (Connection db = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_json('" + json + "', format = '" + format + "')) TO '" + target
                    + "' (FORMAT parquet, COMPRESSION snappy)");
            return target;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + target, e);
        }
    }
}
