package ai.mnemo.datasets.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;

/**
 * Parquet exports, read in-process by an embedded DuckDB (no Hadoop, no server): the file's schema gives its
 * columns, and each row comes back as JSON ({@code to_json}), so a Parquet row and a JSON Lines row go through the
 * very same column mapping. Only the columns an importer needs are read (Parquet is columnar, so wide files with
 * long passages cost nothing extra). Rows come in file order. DuckDB never downloads anything: automatic extension
 * installs are switched off (Parquet and JSON are built in).
 */
final class ParquetRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParquetRows() {
    }

    /** The top-level column names of the file's schema. */
    static List<String> columns(Path file, String shownAs) {
        try (Connection db = open(); PreparedStatement query = db.prepareStatement(
                "SELECT * FROM read_parquet(?) LIMIT 0")) {
            query.setString(1, file.toString());
            try (ResultSet rows = query.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> names = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i));
                }
                return names;
            }
        } catch (SQLException e) {
            throw unreadable(shownAs, e);
        }
    }

    /** Visits the rows with only {@code columns} in them; the columns must exist (see {@link #columns}). */
    static void read(Path file, String shownAs, List<String> columns, int limit, RowVisitor visitor) {
        String projection = columns.stream().map(ParquetRows::quote).collect(Collectors.joining(", "));
        String sql = "SELECT to_json(t) FROM (SELECT " + projection + " FROM read_parquet(?)"
                + (limit > 0 ? " LIMIT " + limit : "") + ") t";
        try (Connection db = open(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, file.toString());
            try (ResultSet rows = query.executeQuery()) {
                int index = 0;
                while (rows.next()) {
                    JsonNode node = JSON.readTree(rows.getString(1));
                    if (!visitor.visit(new SourceRow(shownAs, index++, node))) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw unreadable(shownAs, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SourceException(shownAs + ": a Parquet row could not be turned into JSON: " + e.getMessage(), e);
        }
    }

    private static Connection open() throws SQLException {
        Properties config = new Properties();
        config.setProperty("threads", "2");
        config.setProperty("memory_limit", "512MB");
        config.setProperty("autoinstall_known_extensions", "false");
        Connection db = new DuckDBDriver().connect("jdbc:duckdb:", config);
        try (Statement settings = db.createStatement()) {
            settings.execute("SET preserve_insertion_order = true");
        }
        return db;
    }

    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    private static SourceException unreadable(String shownAs, SQLException e) {
        String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new SourceException(shownAs + " is not a readable Parquet file (" + first + "); give the Parquet file"
                + " of a Hugging Face export, or its JSON Lines form", e);
    }
}
