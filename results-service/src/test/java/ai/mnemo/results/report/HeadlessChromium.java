package ai.mnemo.results.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's chromium, run headless as a process to load a page, let its scripts run and print the resulting DOM.
 * Virtual time lets the page's fetches and rendering finish without the test sleeping. A missing browser fails
 * the test (it does not skip it): the report is only tested if a browser draws it.
 */
final class HeadlessChromium {

    /** Set to use another Chromium binary than the one on the PATH. */
    static final String BINARY_VARIABLE = "MNEMO_CHROMIUM";
    static final String INSTALL = "apt-get install -y chromium";
    /** Wall-clock limit for one page: generous, the build machine is shared and has 2 cores. */
    private static final long TIMEOUT_SECONDS = 180;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or a failed test that says how to install it. */
    static HeadlessChromium require() {
        String configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                fail(BINARY_VARIABLE + "=" + configured + " is not an executable file: point it at a Chromium "
                        + "binary, or unset it and run `" + INSTALL + "` (Debian)");
            }
            return new HeadlessChromium(path);
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        return Stream.of(pathVariable.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "chromium"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(HeadlessChromium::new)
                .orElseGet(() -> fail("chromium is not installed, and the report page test needs it to draw the "
                        + "page: run `" + INSTALL + "` (Debian), or set " + BINARY_VARIABLE
                        + " to a Chromium binary"));
    }

    /** Loads the page and returns the DOM after its scripts ran (up to 10 s of virtual time). */
    String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("mnemo-chromium-");
        Path out = Files.createTempFile("mnemo-dom-", ".html");
        Path err = Files.createTempFile("mnemo-chromium-", ".log");
        try {
            Process process = new ProcessBuilder(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=1280,2400", "--virtual-time-budget=10000", "--dump-dom", url))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("chromium did not finish " + url + " within " + TIMEOUT_SECONDS + " s; its log:\n" + tail(err));
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || dom.isBlank()) {
                fail("chromium exited with " + process.exitValue() + " on " + url + "; its log:\n" + tail(err));
            }
            return dom;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            delete(profile);
        }
    }

    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        process.waitFor(60, TimeUnit.SECONDS);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
