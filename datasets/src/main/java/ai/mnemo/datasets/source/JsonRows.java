package ai.mnemo.datasets.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON exports: JSON Lines (one object per line, what {@code Dataset.to_json()} writes) or one JSON array of
 * objects (how some datasets, EntityQuestions among them, are published). Streams the rows: a 100k-row file is never
 * held as text.
 */
final class JsonRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRows() {
    }

    static void read(Path file, String shownAs, int limit, RowVisitor visitor) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1 << 16);
            int first;
            do {
                first = in.read();
            } while (first == '\uFEFF' || (first != -1 && Character.isWhitespace(first)));
            in.reset();
            if (first == '[') {
                readArray(in, shownAs, limit, visitor);
            } else {
                readLines(in, shownAs, limit, visitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + shownAs, e);
        }
    }

    private static void readLines(BufferedReader in, String shownAs, int limit, RowVisitor visitor) throws IOException {
        String line;
        int lineNumber = 0;
        int index = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new SourceException(shownAs + " line " + lineNumber + " is not JSON (" + e.getOriginalMessage()
                        + "); give a JSON Lines file (one object per line) or a Parquet file");
            }
            if (!node.isObject()) {
                throw new SourceException(shownAs + " line " + lineNumber + " is not a JSON object; give a JSON Lines"
                        + " file (one object per line) or a Parquet file");
            }
            if (!visitor.visit(new SourceRow(shownAs, index++, node)) || (limit > 0 && index >= limit)) {
                return;
            }
        }
    }

    private static void readArray(BufferedReader in, String shownAs, int limit, RowVisitor visitor) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            parser.nextToken(); // [
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new SourceException(shownAs + " element " + (index + 1) + " is not a JSON object");
                }
                JsonNode node = parser.readValueAsTree();
                if (!visitor.visit(new SourceRow(shownAs, index++, node)) || (limit > 0 && index >= limit)) {
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            throw new SourceException(shownAs + " is not a valid JSON array (" + e.getOriginalMessage() + ")");
        }
    }
}
