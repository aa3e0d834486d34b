package ai.mnemo.events.spec;

import java.util.Optional;

/**
 * What counts as printable in text people and machines send: no control characters (NUL, ESC, DEL ...), no
 * invisible format characters (bidirectional overrides, zero-width joiners), no lone surrogates, no unassigned code
 * points and no U+FFFD, which only appears where bytes were not valid UTF-8. Such characters in a name or path can
 * hide what it says on a terminal or a report page.
 */
public final class PrintableText {

    private PrintableText() {
    }

    public static boolean isPrintable(String text) {
        return text != null && firstUnprintable(text).isEmpty();
    }

    /** The char index of the first unprintable code point. */
    public static Optional<Integer> firstUnprintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!printable(codePoint)) {
                return Optional.of(i);
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    private static boolean printable(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint != 0xFFFD && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.SURROGATE && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** U+001B and the like, for messages: never the character itself. */
    public static String codePointName(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /** The text for an error message: unprintable code points written as U+XXXX, cut at 80 characters. */
    public static String shown(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (printable(c) || c == ' ') {
                out.appendCodePoint(c);
            } else {
                out.append(codePointName(c));
            }
        });
        return text.codePointCount(0, text.length()) > 80 ? out + "..." : out.toString();
    }
}
