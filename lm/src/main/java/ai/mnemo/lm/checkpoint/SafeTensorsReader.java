package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .safetensors} file (8-byte little-endian header length, JSON header, raw little-endian data) into
 * F32 arrays. Each tensor is mapped from disk and copied once into engine memory; BF16 and F16 are widened in Java.
 */
public final class SafeTensorsReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensorsReader() {}

    /** The header entry of one tensor; offsets are relative to the start of the data section. */
    public record Entry(TensorDtype dtype, long[] shape, long begin, long end) {}

    /** Every tensor of the file, by name, in file order. */
    public static Map<String, NDArray> read(Path file, NDManager manager) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long headerLength = readHeaderLength(channel, file);
            long dataStart = 8 + headerLength;
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : header(channel, file, headerLength).entrySet()) {
                Entry entry = e.getValue();
                long length = entry.end() - entry.begin();
                long expected = new Shape(entry.shape()).size() * entry.dtype().bytes();
                if (length != expected || dataStart + entry.end() > channel.size()) {
                    throw new IllegalArgumentException(file + ": tensor " + e.getKey() + " has a bad byte range");
                }
                ByteBuffer raw = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin(), length)
                        .order(ByteOrder.LITTLE_ENDIAN);
                tensors.put(e.getKey(), toFloatArray(raw, entry, manager));
            }
            return tensors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors file " + file, e);
        }
    }

    /** Only the header: names, dtypes and shapes, without loading data. */
    public static Map<String, Entry> header(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(channel, file, readHeaderLength(channel, file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors file " + file, e);
        }
    }

    /** The header's {@code __metadata__} strings (empty when it has none). */
    public static Map<String, String> metadata(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer headerBytes = ByteBuffer.allocate(Math.toIntExact(readHeaderLength(channel, file)));
            channel.read(headerBytes, 8);
            JsonNode node = JSON.readTree(headerBytes.array()).get("__metadata__");
            Map<String, String> metadata = new LinkedHashMap<>();
            if (node != null) {
                node.fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().asText()));
            }
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors file " + file, e);
        }
    }

    private static long readHeaderLength(FileChannel channel, Path file) throws IOException {
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(lengthBytes, 0);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength + 8 > channel.size()) {
            throw new IllegalArgumentException(file + " is not a safetensors file (header length " + headerLength + ")");
        }
        return headerLength;
    }

    private static Map<String, Entry> header(FileChannel channel, Path file, long headerLength) throws IOException {
        ByteBuffer headerBytes = ByteBuffer.allocate(Math.toIntExact(headerLength));
        channel.read(headerBytes, 8);
        JsonNode root = JSON.readTree(headerBytes.array());
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode node = field.getValue();
            long[] shape = new long[node.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = node.get("shape").get(i).asLong();
            }
            entries.put(field.getKey(), new Entry(TensorDtype.parse(node.get("dtype").asText()), shape,
                    node.get("data_offsets").get(0).asLong(), node.get("data_offsets").get(1).asLong()));
        }
        return entries;
    }

    private static NDArray toFloatArray(ByteBuffer raw, Entry entry, NDManager manager) {
        int count = Math.toIntExact(new Shape(entry.shape()).size());
        // A fresh direct buffer: on CPU the engine aliases it, so it must not be the read-only file mapping.
        ByteBuffer floats = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
        switch (entry.dtype()) {
            case F32 -> floats.asFloatBuffer().put(raw.asFloatBuffer());
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    floats.putFloat(i * 4, HalfPrecision.bf16ToFloat(raw.getShort(i * 2)));
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    floats.putFloat(i * 4, HalfPrecision.f16ToFloat(raw.getShort(i * 2)));
                }
            }
        }
        return manager.create(floats, new Shape(entry.shape()), DataType.FLOAT32);
    }
}
