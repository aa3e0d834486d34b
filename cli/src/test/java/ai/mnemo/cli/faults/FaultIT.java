package ai.mnemo.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.ManagedProcess;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingStarted;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fleet's faults over real processes: the packaged broker and services, two trainers and two data-service
 * instances in one group. One experiment of two runs goes through (a) kill -9 of the trainer mid-stage, (b) kill -9 of data-service between stages, (d) kill -9
 * of eval-service as it evaluates, and (c) a broker restart; then the same experiment runs again without faults,
 * and (e) data-service and results-service read every topic again from offset 0 in fresh consumer groups. The
 * faulty experiment must complete with no run lost, no stage trained from scratch twice nor evaluated twice,
 * results-service's rows unchanged by the replay, nothing published by the replay, and final losses and scores
 * identical to the fault-free run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {

    private static final String SPEC = """
            {"name": "%s", "model": {"preset": "tiny", "seed": 0},
             "stages": [{"dataset": {"name": "kvr", "split": "A", "size": 16}},
                        {"dataset": {"name": "kvr", "split": "B", "size": 16}}],
             "training": {"learningRate": 0.003, "batchSize": 8, "stopping": {"rule": "fixed-epochs", "epochs": 40}},
             "evaluation": {"maxNewTokens": 12},
             "grid": {"methods": [{"name": "naive"}], "seeds": [0, 1]}}""";
    private static final Duration STEP = Duration.ofMinutes(3);
    private static final StackOptions OPTIONS = new StackOptions(2, 1, 1);
    private static final PrintStream OUT = new PrintStream(System.out, true);

    private final Map<String, ManagedProcess> live = new ConcurrentHashMap<>();
    private LocalStack stacks;
    private StackState stack;
    private EventLog log;

    @BeforeAll
    void startStack() throws Exception {
        Path dir = Files.createTempDirectory("mnemo-faults");
        stacks = new LocalStack(MnemoHome.current(), OUT);
        stack = stacks.start(dir, Ports.free(), OPTIONS);
        stack.processes().forEach(p -> live.put(p.name(), p));
        // Two data-service instances conduct the runs, as on a cluster.
        ManagedProcess second = stacks.startAnother(stack, OPTIONS, "data-service");
        live.put(second.name(), second);
        log = new EventLog(stack.bootstrapServers(), LocalStack.PARTITIONS);
    }

    @AfterAll
    void stopStack() throws Exception {
        if (log != null) {
            log.close();
        }
        if (stack != null) {
            LocalStack.stop(new ArrayList<>(live.values()));
        }
    }

    @Test
    void anExperimentSurvivesKillsARestartedBrokerAndAReplay() throws Exception {
        String faulty = submit("faults");

        // (a) kill -9 the trainer of a stage 0 once it is well under way (it saves every tenth of the stage).
        TrainingStarted first = log.await(0, TrainingStarted.class, e -> faulty.equals(e.experimentId()), STEP);
        log.await(0, TrainingProgress.class, e -> e.runId().equals(first.runId()) && e.stageIndex() == 0
                && e.step() >= first.plannedSteps() * 4 / 10, STEP);
        String victim = processOf(first.worker());
        OUT.println("(a) kill -9 " + victim + " (" + first.worker() + ") at run " + first.runId() + " stage 0");
        live.get(victim).kill();
        TrainingStarted resumed = log.await(0, TrainingStarted.class, e -> e.runId().equals(first.runId())
                && e.stageIndex() == 0 && e.resumedFromStep() > 0, STEP);
        assertNotEquals(first.worker(), resumed.worker(), "resumed on the other trainer");
        // Back in the background: the faults below must not wait for it.
        CompletableFuture<Void> trainerBack = CompletableFuture.runAsync(() -> restart(victim, Map.of()));

        // (b) kill -9 data-service between stages: after it turned a StageCompleted into the next jobs.
        StageCompleted done = log.await(0, StageCompleted.class, e -> faulty.equals(e.experimentId())
                && e.stageIndex() == 0, STEP);
        log.await(0, EvalJob.class, e -> e.runId().equals(done.runId()) && e.stageIndex() == 0, STEP);
        log.await(0, TrainingJob.class, e -> e.runId().equals(done.runId()) && e.stageIndex() == 1, STEP);
        Thread.sleep(300);
        OUT.println("(b) kill -9 data-service after run " + done.runId() + " stage 0");
        live.get("data-service").kill();
        restart("data-service", Map.of());

        // (d) kill -9 eval-service as soon as it has an evaluation to do.
        int mark = log.size();
        EvalJob evaluating = log.await(mark, EvalJob.class, e -> faulty.equals(e.experimentId()), STEP);
        OUT.println("(d) kill -9 eval-service at run " + evaluating.runId() + " stage " + evaluating.stageIndex());
        live.get("eval-service").kill();
        restart("eval-service", Map.of());

        // (c) restart the broker while stage 1 trains.
        log.await(0, TrainingStarted.class, e -> faulty.equals(e.experimentId()) && e.stageIndex() == 1, STEP);
        OUT.println("(c) restarting the broker");
        live.get("kafka").stop();
        restart("kafka", Map.of());

        log.awaitCount(0, RunCompleted.class, e -> faulty.equals(e.experimentId()), 2, Duration.ofMinutes(6));
        trainerBack.get(3, TimeUnit.MINUTES);
        assertEquals(List.of(), log.all(RunFailed.class, e -> faulty.equals(e.experimentId())));

        String clean = submit("no faults");
        log.awaitCount(0, RunCompleted.class, e -> clean.equals(e.experimentId()), 2, Duration.ofMinutes(6));

        assertTrainedFromScratchAndEvaluatedOnce(faulty);
        Map<String, String> figures = figures(faulty);
        OUT.println("figures of the faulty run: " + figures);
        assertEquals(figures(clean), figures, "the faults changed a result");
        assertEquals(10, figures.size(), "2 runs x (2 stages + 3 evaluated datasets): " + figures);

        // (e) replay every topic into fresh groups: nothing new is published, results-service's rows stay.
        String before = get("/api/experiments/" + faulty);
        mark = log.size();
        String replay = "replay-" + UUID.randomUUID();
        live.get("data-service").kill();
        live.get("data-service-2").kill();
        live.get("results-service").kill();
        restart("data-service", groups(replay, "data-experiments", "data-training", "data-eval"));
        restart("results-service", groups(replay, "experiments-in", "runs-in", "datasets-in", "training-jobs-in",
                "training-in", "eval-jobs-in", "eval-in"));
        awaitNoLag(replay + "-data-service", List.of(Topics.EXPERIMENTS, Topics.TRAINING, Topics.EVAL));
        awaitNoLag(replay + "-results-service", List.of(Topics.EXPERIMENTS, Topics.RUNS, Topics.DATASETS,
                Topics.TRAINING_JOBS, Topics.TRAINING, Topics.EVAL_JOBS, Topics.EVAL));
        List<MnemoEvent> published = log.since(mark, MnemoEvent.class, e -> true);
        assertEquals(List.of(), published, "the replay published events");
        assertEquals(before, get("/api/experiments/" + faulty), "the replay changed results-service's answer");
    }

    private String submit(String name) {
        ResultsClient results = new ResultsClient(stack.resultsUrl());
        return results.submit(SPEC.formatted(name).getBytes(StandardCharsets.UTF_8), "application/json",
                LocalAuth.of(stack.dir()).tokenForThisUser());
    }

    /** The stack process whose pid the worker name {@code host:pid} carries. */
    private String processOf(String worker) {
        long pid = Long.parseLong(worker.substring(worker.lastIndexOf(':') + 1));
        return live.values().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow().name();
    }

    private void restart(String name, Map<String, String> env) {
        StackState current = new StackState(stack.dir(), stack.ports(), new ArrayList<>(live.values()));
        live.put(name, stacks.restart(current, OPTIONS, name, env));
        OUT.println("    " + name + " is back");
    }

    /** Fresh consumer groups for a service's channels: {@code <prefix>-<service>}. */
    private static Map<String, String> groups(String prefix, String... channels) {
        String service = channels[0].startsWith("data-") ? "data-service" : "results-service";
        Map<String, String> env = new HashMap<>();
        for (String channel : channels) {
            env.put("MP_MESSAGING_INCOMING_" + channel.toUpperCase().replace('-', '_') + "_GROUP_ID",
                    prefix + "-" + service);
        }
        return env;
    }

    /**
     * Never trained from scratch twice (at most one start from step 0 per run and stage; every stage completed) and
     * evaluated once: an evaluation delivered again is answered with the first EvalCompleted, its event id included.
     */
    private void assertTrainedFromScratchAndEvaluatedOnce(String experimentId) {
        Map<String, Long> fromScratch = log.all(TrainingStarted.class, e -> experimentId.equals(e.experimentId())
                && e.resumedFromStep() == 0).stream()
                .collect(Collectors.groupingBy(e -> e.runId() + "/" + e.stageIndex(), Collectors.counting()));
        assertEquals(4, fromScratch.size(), fromScratch.toString());
        fromScratch.forEach((stage, starts) -> assertEquals(1L, starts, stage + " started from step 0 twice"));
        assertEquals(4, log.all(StageCompleted.class, e -> experimentId.equals(e.experimentId())).stream()
                .map(e -> e.runId() + "/" + e.stageIndex()).distinct().count());
        assertEquals(2, log.all(DatasetPrepared.class, e -> experimentId.equals(e.experimentId())
                && e.stageIndex() == 1).stream().map(DatasetPrepared::runId).distinct().count());
        Map<String, Long> evaluations = log.all(EvalCompleted.class, e -> experimentId.equals(e.experimentId()))
                .stream().collect(Collectors.groupingBy(e -> e.runId() + "/" + e.stageIndex(),
                        Collectors.mapping(EvalCompleted::eventId, Collectors.collectingAndThen(Collectors.toSet(),
                                ids -> (long) ids.size()))));
        assertEquals(4, evaluations.size(), evaluations.toString());
        evaluations.forEach((stage, answers) -> assertEquals(1L, answers, stage + " was evaluated twice"));
    }

    /**
     * What a run's numbers are, by {@code label/stage[/dataset]}: each stage's steps and final loss, each evaluated
     * dataset's correct count, ROUGE-L and mean gold log-probability (which moves with any change of the weights).
     * A repeated event must say the same.
     */
    private Map<String, String> figures(String experimentId) {
        Map<String, String> labels = log.all(RunPlanned.class, e -> experimentId.equals(e.experimentId())).stream()
                .collect(Collectors.toMap(RunPlanned::runId, RunPlanned::label, (a, b) -> a));
        Map<String, String> figures = new TreeMap<>();
        for (StageCompleted e : log.all(StageCompleted.class, e -> experimentId.equals(e.experimentId()))) {
            record(figures, labels.get(e.runId()) + "/" + e.stageIndex(), "steps=" + e.steps() + " loss="
                    + e.finalLoss());
        }
        for (EvalCompleted e : log.all(EvalCompleted.class, e -> experimentId.equals(e.experimentId()))) {
            for (EvalResult r : e.results()) {
                record(figures, labels.get(e.runId()) + "/" + e.stageIndex() + "/" + r.dataset(), "correct="
                        + r.correct() + " rougeL=" + r.rougeL() + " logp=" + r.meanLogProb());
            }
        }
        return figures;
    }

    private static void record(Map<String, String> figures, String key, String value) {
        String earlier = figures.put(key, value);
        if (earlier != null) {
            assertEquals(earlier, value, "two events of " + key + " disagree");
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.resultsUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Waits until the group has committed the end of every partition of {@code topics}. */
    private void awaitNoLag(String group, List<String> topics) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            long deadline = System.nanoTime() + STEP.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (String topic : topics) {
                    for (int p = 0; p < LocalStack.PARTITIONS; p++) {
                        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    }
                }
                var ends = admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue().offset() - (at == null ? 0 : at.offset());
                }
                if (lag == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(group + " still lags by " + lag + " records");
                }
                Thread.sleep(500);
            }
        }
    }
}
