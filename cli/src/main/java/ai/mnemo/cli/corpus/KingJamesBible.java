package ai.mnemo.cli.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The King James Bible as passages, one per chapter (1,189 of them, 4.3 MB): English prose of the public domain,
 * read from Debian's {@code bible-kjv} package, whose {@code bible} program prints one verse per line
 * ({@code Ge1:1 In the beginning ...}).
 */
final class KingJamesBible {

    static final String PROGRAM = "/usr/bin/bible";
    static final String PACKAGE = "bible-kjv";
    private static final Pattern VERSE = Pattern.compile("^(\\d?[A-Za-z]+)(\\d+):(\\d+) (.*)$");

    private KingJamesBible() {}

    static List<Passage> chapters() {
        Process process;
        try {
            process = new ProcessBuilder(PROGRAM, "-f", "gen1:1-rev22:21").redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + PROGRAM + " (Debian package " + PACKAGE + ")", e);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            return group(lines.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of " + PROGRAM, e);
        } finally {
            process.destroy();
        }
    }

    /** Verses in order, grouped into one passage per book and chapter. */
    static List<Passage> group(List<String> verses) {
        List<Passage> chapters = new ArrayList<>();
        String chapter = null;
        StringBuilder text = new StringBuilder();
        for (String line : verses) {
            Matcher verse = VERSE.matcher(line);
            if (!verse.matches()) {
                continue; // blank lines and headers, if any
            }
            String id = verse.group(1) + verse.group(2);
            if (!id.equals(chapter) && chapter != null) {
                chapters.add(new Passage("kjv-" + chapter, "kjv", text.toString()));
                text.setLength(0);
            }
            chapter = id;
            text.append(text.isEmpty() ? "" : " ").append(verse.group(4).strip());
        }
        if (chapter != null) {
            chapters.add(new Passage("kjv-" + chapter, "kjv", text.toString()));
        }
        return chapters;
    }
}
