package ai.mnemo.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.engine.TorchRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = TorchRuntime.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void f32RoundTripsExactly(@TempDir Path dir) {
        Map<String, NDArray> tensors = sample();
        SafeTensorsWriter.write(dir.resolve("t.safetensors"), tensors, TensorDtype.F32, Map.of());
        Map<String, NDArray> read = SafeTensorsReader.read(dir.resolve("t.safetensors"), manager);
        assertEquals(tensors.keySet(), read.keySet());
        tensors.forEach((name, t) -> {
            assertEquals(t.getShape(), read.get(name).getShape());
            assertArrayEquals(t.toFloatArray(), read.get(name).toFloatArray());
        });
    }

    @Test
    void bf16IsWidenedInJavaAndRoundsToNearestEven(@TempDir Path dir) {
        float[] values = {1.0f, -2.5f, 3.14159f, 1e-30f, 65504f, 0.1f};
        Map<String, NDArray> tensors = Map.of("w", manager.create(values));
        SafeTensorsWriter.write(dir.resolve("b.safetensors"), tensors, TensorDtype.BF16, Map.of());
        assertEquals(TensorDtype.BF16, SafeTensorsReader.header(dir.resolve("b.safetensors")).get("w").dtype());
        float[] read = SafeTensorsReader.read(dir.resolve("b.safetensors"), manager).get("w").toFloatArray();
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], read[i], Math.abs(values[i]) / 128, "bf16 keeps 8 bits of mantissa");
        }
        assertEquals(1.0f, read[0]);
        assertEquals(3.140625f, read[2], "3.14159 rounds to the nearest bf16");
    }

    @Test
    void f16FilesAreRead(@TempDir Path dir) throws Exception {
        // 1.0, -2.0, 65504 (largest normal), 2^-24 (smallest subnormal), +inf
        short[] halves = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, 0x7C00};
        Path file = dir.resolve("h.safetensors");
        writeRaw(file, "F16", halves.length, halves);
        float[] read = SafeTensorsReader.read(file, manager).get("h").toFloatArray();
        assertArrayEquals(new float[] {1.0f, -2.0f, 65504f, 0x1.0p-24f, Float.POSITIVE_INFINITY}, read);
    }

    @Test
    void shardedWeightsLoadLikeOneFile(@TempDir Path dir) throws Exception {
        Map<String, NDArray> tensors = sample();
        WeightFiles.write(dir, tensors, TensorDtype.F32, 8); // tiny shards: one tensor each
        assertTrue(Files.isRegularFile(dir.resolve(WeightFiles.INDEX)));
        assertTrue(Files.isRegularFile(dir.resolve("model-00001-of-00003.safetensors")));
        Map<String, NDArray> read = WeightFiles.read(dir, manager);
        tensors.forEach((name, t) -> assertArrayEquals(t.toFloatArray(), read.get(name).toFloatArray()));
    }

    @Test
    void aFileThatIsNotSafetensorsIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.safetensors");
        Files.writeString(file, "definitely not a header");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensorsReader.read(file, manager));
        assertTrue(e.getMessage().contains("bad.safetensors"), e.getMessage());
    }

    @Test
    void halfPrecisionEdgeCases() {
        assertEquals(0x3F80, HalfPrecision.floatToBf16(1.0f) & 0xFFFF);
        assertTrue(Float.isNaN(HalfPrecision.bf16ToFloat(HalfPrecision.floatToBf16(Float.NaN))));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.f16ToFloat((short) 0xFC00));
        assertEquals(-0.0f, HalfPrecision.f16ToFloat((short) 0x8000));
    }

    private static Map<String, NDArray> sample() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("b.bias", manager.create(new float[] {1, 2, 3}));
        tensors.put("a.weight", manager.arange(12f).reshape(3, 4).div(7f));
        tensors.put("c.scalarish", manager.create(new float[] {-0.5f}, new Shape(1, 1)));
        return tensors;
    }

    private static void writeRaw(Path file, String dtype, int count, short[] values) throws Exception {
        String header = "{\"h\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + count + "],\"data_offsets\":[0,"
                + (count * 2) + "]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length + count * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        for (short v : values) {
            buffer.putShort(v);
        }
        Files.write(file, buffer.array());
    }
}
