package ai.mnemo.cli.models;

import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.checkpoint.WeightFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors headers of a checkpoint directory (one file, or the shards its index names), read without the
 * data, and checked against each file's size: a download cut short fails here, not in the middle of a training job.
 */
final class WeightHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tensor's header entry and the file that holds it. */
    record Located(SafeTensorsReader.Entry entry, String file) {}

    private WeightHeaders() {}

    /** Every tensor of the directory by name. */
    static Map<String, Located> read(Path dir) {
        Map<String, Located> all = new LinkedHashMap<>();
        for (String file : files(dir)) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new ImportRefused(WeightFiles.INDEX + " names " + file + ", which is not in " + dir
                        + ": the download is incomplete");
            }
            Map<String, SafeTensorsReader.Entry> header;
            try {
                header = SafeTensorsReader.header(path);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new ImportRefused(file + ": " + message(e));
            }
            requireData(path, header);
            header.forEach((name, entry) -> all.put(name, new Located(entry, file)));
        }
        return all;
    }

    /** The weight files: {@code model.safetensors}, or the shards of {@code model.safetensors.index.json}. */
    static Set<String> files(Path dir) {
        if (Files.isRegularFile(dir.resolve(WeightFiles.SINGLE))) {
            return Set.of(WeightFiles.SINGLE);
        }
        if (!Files.isRegularFile(dir.resolve(WeightFiles.INDEX))) {
            throw new ImportRefused(dir + " has neither " + WeightFiles.SINGLE + " nor " + WeightFiles.INDEX
                    + " (Mnemo reads safetensors weights only)");
        }
        JsonNode weightMap;
        try {
            weightMap = JSON.readTree(dir.resolve(WeightFiles.INDEX).toFile()).get("weight_map");
        } catch (IOException e) {
            throw new ImportRefused(WeightFiles.INDEX + " is not readable JSON: " + message(e));
        }
        if (weightMap == null || !weightMap.isObject() || weightMap.isEmpty()) {
            throw new ImportRefused(WeightFiles.INDEX + " has no weight_map");
        }
        Set<String> shards = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = weightMap.elements(); it.hasNext(); ) {
            String shard = it.next().asText();
            if (shard.contains("/") || shard.contains("\\") || shard.startsWith(".")) {
                throw new ImportRefused(WeightFiles.INDEX + " names a shard outside its directory: " + shard);
            }
            shards.add(shard);
        }
        return shards;
    }

    /** Every tensor's bytes must lie inside the file: 8 bytes of header length, the header, then the data. */
    private static void requireData(Path file, Map<String, SafeTensorsReader.Entry> header) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(length, 0);
            long dataStart = 8 + length.flip().getLong();
            long end = header.values().stream().mapToLong(SafeTensorsReader.Entry::end).max().orElse(0);
            if (dataStart + end > channel.size()) {
                throw new ImportRefused(file.getFileName() + " is truncated: " + channel.size() + " bytes, its header"
                        + " describes " + (dataStart + end) + "; download it again");
            }
            for (Map.Entry<String, SafeTensorsReader.Entry> e : header.entrySet()) {
                SafeTensorsReader.Entry entry = e.getValue();
                long elements = 1;
                for (long d : entry.shape()) {
                    elements *= d;
                }
                if (entry.end() - entry.begin() != elements * entry.dtype().bytes()) {
                    throw new ImportRefused(file.getFileName() + ": tensor " + e.getKey() + " has a byte range that"
                            + " does not match its shape and dtype");
                }
            }
        } catch (IOException e) {
            throw new ImportRefused("cannot read " + file + ": " + message(e));
        }
    }

    /** The exception's first line, and its cause's: Jackson's and the JDK's messages can span lines. */
    static String message(Throwable e) {
        return e.getCause() == null ? firstLine(e) : firstLine(e) + ": " + firstLine(e.getCause());
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
