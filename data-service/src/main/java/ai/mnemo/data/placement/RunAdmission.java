package ai.mnemo.data.placement;

import ai.mnemo.data.config.DataConfig;
import ai.mnemo.service.artifacts.ArtifactStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs waiting to start under {@link Admission#WHEN_IDLE}, in the order they arrived. Each waiting run is marked
 * by a file under {@code admission/} in the artifact root, so the runs a crash would otherwise drop wait again after
 * a restart ({@link #recover}). A trainer must look idle for a grace period before a waiting run gets it: a trainer
 * that just finished a stage looks idle for the moment it takes data-service to publish that run's next stage, and
 * that stage should get it.
 */
@ApplicationScoped
public class RunAdmission {

    private static final Pattern MARKER = Pattern.compile("(\\d{20})-([A-Za-z0-9-]{1,100})");

    private final Admission mode;
    private final BooleanSupplier trainerIdle;
    private final Path markers;
    private final long graceNanos;
    private final LongSupplier clock;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private long sequence;
    private long idleSince = -1;

    @Inject
    public RunAdmission(DataConfig config, JobPlacement placement, ArtifactStore store, MeterRegistry registry) {
        this(config.placement().admission(), placement::trainerIdle, store.root().resolve("admission"),
                config.placement().admissionGrace(), System::nanoTime);
        Gauge.builder("mnemo.data.runs.waiting", this, RunAdmission::waiting)
                .description("Runs waiting for an idle trainer to start (admission when-idle)").register(registry);
    }

    RunAdmission(Admission mode, BooleanSupplier trainerIdle, Path markers, Duration grace, LongSupplier clock) {
        this.mode = mode;
        this.trainerIdle = trainerIdle;
        this.markers = markers;
        this.graceNanos = grace.toNanos();
        this.clock = clock;
    }

    /**
     * Whether a run that is ready may start its first stage now; if not, it waits (marked on disk) until
     * {@link #next} hands it out.
     */
    public synchronized boolean admitNow(String runId, String experimentId) {
        if (mode == Admission.EAGER || waiting.isEmpty() && trainerIdle.getAsBoolean()) {
            return true;
        }
        if (waiting.stream().anyMatch(w -> w.runId().equals(runId))) {
            return false; // a redelivered start of a run that waits already
        }
        mark(runId, experimentId);
        waiting.addLast(new Waiting(runId, experimentId));
        return false;
    }

    /** A cancelled experiment's runs stop waiting at once (nothing would start them). */
    public synchronized void drop(String experimentId) {
        waiting.stream().filter(w -> w.experimentId().equals(experimentId)).map(Waiting::runId).toList()
                .forEach(this::started);
    }

    /**
     * The first waiting run, once a trainer has looked idle for the grace period; empty otherwise. The caller
     * starts it, then calls {@link #started}.
     */
    public synchronized Optional<String> next() {
        if (waiting.isEmpty()) {
            idleSince = -1;
            return Optional.empty();
        }
        if (!trainerIdle.getAsBoolean()) {
            idleSince = -1;
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (idleSince < 0) {
            idleSince = now;
        }
        if (now - idleSince < graceNanos) {
            return Optional.empty();
        }
        idleSince = -1;
        return Optional.of(waiting.peekFirst().runId());
    }

    /**
     * The run's first stage was started (or will never be: cancelled, gone): it stops waiting and its mark goes.
     * Until then {@link #next} hands out the same run, so a start that failed is tried again.
     */
    public synchronized void started(String runId) {
        waiting.removeIf(w -> w.runId().equals(runId));
        try (Stream<Path> files = list()) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith("-" + runId)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unmark run " + runId + " in " + markers, e);
        }
    }

    /** After a restart: the marked runs wait again, in their old order. */
    public synchronized void recover() {
        try (Stream<Path> files = list()) {
            files.map(file -> MARKER.matcher(file.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .sorted(java.util.Comparator.comparing(m -> m.group(1)))
                    .map(m -> new Waiting(m.group(2), experimentOf(markers.resolve(m.group()))))
                    .forEach(waiting::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the waiting runs in " + markers, e);
        }
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    public Admission mode() {
        return mode;
    }

    private static String experimentOf(Path marker) {
        try {
            return Files.readString(marker).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    private void mark(String runId, String experimentId) {
        if (!MARKER.matcher("00000000000000000000-" + runId).matches()) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        try {
            Files.createDirectories(markers);
            // Zero-padded wall-clock millis and a counter: the names sort in arrival order, across restarts too.
            String order = String.format("%014d%06d", System.currentTimeMillis(), sequence++ % 1_000_000);
            Files.writeString(markers.resolve(order + "-" + runId), experimentId + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark run " + runId + " as waiting in " + markers, e);
        }
    }

    private record Waiting(String runId, String experimentId) {}

    private Stream<Path> list() throws IOException {
        return Files.isDirectory(markers) ? Files.list(markers) : Stream.empty();
    }
}
