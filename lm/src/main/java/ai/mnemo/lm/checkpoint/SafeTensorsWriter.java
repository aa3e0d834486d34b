package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/** Writes tensors as a {@code .safetensors} file, sorted by name, as F32 or BF16. */
public final class SafeTensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensorsWriter() {}

    public static void write(Path file, Map<String, NDArray> tensors, TensorDtype dtype, Map<String, String> metadata) {
        if (dtype == TensorDtype.F16) {
            throw new IllegalArgumentException("Mnemo writes checkpoints as F32 or BF16");
        }
        Map<String, NDArray> sorted = new TreeMap<>(tensors);
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        meta.put("format", "pt");
        metadata.forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, NDArray> e : sorted.entrySet()) {
            long bytes = e.getValue().getShape().size() * dtype.bytes();
            ObjectNode node = header.putObject(e.getKey());
            node.put("dtype", dtype.name());
            var shape = node.putArray("shape");
            for (long dim : e.getValue().getShape().getShape()) {
                shape.add(dim);
            }
            node.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, headerBytes(header));
            for (NDArray tensor : sorted.values()) {
                writeFully(out, encode(tensor, dtype));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write safetensors file " + file, e);
        }
    }

    /** JSON header padded with spaces to a multiple of 8, preceded by its little-endian length. */
    private static ByteBuffer headerBytes(ObjectNode header) throws IOException {
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buffer = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(padded).put(json);
        while (buffer.hasRemaining()) {
            buffer.put((byte) ' ');
        }
        return buffer.flip();
    }

    /** The values as F32 (a half-precision tensor is widened on the engine first, exactly). */
    private static float[] floats(NDArray tensor) {
        if (tensor.getDataType() == DataType.FLOAT32) {
            return tensor.toFloatArray();
        }
        try (NDArray widened = tensor.toType(DataType.FLOAT32, true)) {
            return widened.toFloatArray();
        }
    }

    private static ByteBuffer encode(NDArray tensor, TensorDtype dtype) {
        float[] values = floats(tensor);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (dtype == TensorDtype.F32) {
            buffer.asFloatBuffer().put(values);
        } else {
            for (float value : values) {
                buffer.putShort(HalfPrecision.floatToBf16(value));
            }
        }
        return buffer.rewind();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
