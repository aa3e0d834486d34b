package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The weights of a Hugging Face checkpoint directory: one {@code model.safetensors}, or shards listed by
 * {@code model.safetensors.index.json} (its {@code weight_map} names the shard of every tensor).
 */
public final class WeightFiles {

    public static final String SINGLE = "model.safetensors";
    public static final String INDEX = "model.safetensors.index.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WeightFiles() {}

    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(SINGLE)) || Files.isRegularFile(dir.resolve(INDEX));
    }

    /** All tensors of the directory, F32, by Hugging Face name. */
    public static Map<String, NDArray> read(Path dir, NDManager manager) {
        if (Files.isRegularFile(dir.resolve(SINGLE))) {
            return SafeTensorsReader.read(dir.resolve(SINGLE), manager);
        }
        if (!Files.isRegularFile(dir.resolve(INDEX))) {
            throw new IllegalArgumentException(dir + " holds neither " + SINGLE + " nor " + INDEX);
        }
        Map<String, NDArray> all = new LinkedHashMap<>();
        for (String shard : shardsOf(dir.resolve(INDEX))) {
            all.putAll(SafeTensorsReader.read(dir.resolve(shard), manager));
        }
        return all;
    }

    /**
     * Writes the tensors into one file, or into shards of at most {@code maxShardBytes} (plus the index) when they
     * do not fit one.
     */
    public static void write(Path dir, Map<String, NDArray> tensors, TensorDtype dtype, long maxShardBytes) {
        List<Map<String, NDArray>> shards = split(new TreeMap<>(tensors), dtype, maxShardBytes);
        if (shards.size() == 1) {
            SafeTensorsWriter.write(dir.resolve(SINGLE), shards.get(0), dtype, Map.of());
            return;
        }
        ObjectNode index = JSON.createObjectNode();
        long total = 0;
        ObjectNode weightMap = JSON.createObjectNode();
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            SafeTensorsWriter.write(dir.resolve(name), shards.get(i), dtype, Map.of());
            for (Map.Entry<String, NDArray> e : shards.get(i).entrySet()) {
                weightMap.put(e.getKey(), name);
                total += e.getValue().getShape().size() * dtype.bytes();
            }
        }
        index.putObject("metadata").put("total_size", total);
        index.set("weight_map", weightMap);
        try {
            JSON.writeValue(dir.resolve(INDEX).toFile(), index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(INDEX), e);
        }
    }

    private static List<Map<String, NDArray>> split(Map<String, NDArray> sorted, TensorDtype dtype, long maxBytes) {
        List<Map<String, NDArray>> shards = new ArrayList<>();
        Map<String, NDArray> current = new LinkedHashMap<>();
        long bytes = 0;
        for (Map.Entry<String, NDArray> e : sorted.entrySet()) {
            long size = e.getValue().getShape().size() * dtype.bytes();
            if (!current.isEmpty() && bytes + size > maxBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                bytes = 0;
            }
            current.put(e.getKey(), e.getValue());
            bytes += size;
        }
        shards.add(current);
        return shards;
    }

    private static Set<String> shardsOf(Path index) {
        try {
            JsonNode weightMap = JSON.readTree(index.toFile()).get("weight_map");
            if (weightMap == null || !weightMap.isObject()) {
                throw new IllegalArgumentException(index + " has no weight_map");
            }
            Set<String> shards = new LinkedHashSet<>();
            for (Iterator<JsonNode> it = weightMap.elements(); it.hasNext(); ) {
                String shard = it.next().asText();
                if (shard.contains("/") || shard.contains("\\")) {
                    throw new IllegalArgumentException(index + " names a shard outside its directory: " + shard);
                }
                shards.add(shard);
            }
            return shards;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }
}
