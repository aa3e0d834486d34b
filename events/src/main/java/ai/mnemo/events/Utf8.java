package ai.mnemo.events;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Strict UTF-8: Java's {@code new String(bytes, UTF_8)} replaces malformed bytes with U+FFFD without a word, which
 * would store something other than what was sent. Here malformed input is an answer of its own, with its offset.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or the offset of the first byte that is not valid UTF-8. */
    public static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) bytes.length * 2 + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        return new Decoded(out.flip().toString(), -1);
    }

    /** A decoding: the text, or where it failed. */
    public record Decoded(String text, int malformedAt) {

        public boolean valid() {
            return text != null;
        }

        public String orElseThrow(Function<Integer, ? extends RuntimeException> malformed) {
            if (text == null) {
                throw malformed.apply(malformedAt);
            }
            return text;
        }
    }
}
