package ai.mnemo.results.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import ai.mnemo.events.v1.DeviceCost;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.results.GridLineage;
import ai.mnemo.results.RowCounts;
import ai.mnemo.results.SyntheticLineage;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The report as a researcher sees it: the page is loaded in headless Chromium, its script fetches the API and
 * ECharts draws SVG, and the DOM Chromium prints must hold the charts with this experiment's numbers.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReportPageTest {

    private static final Logger LOG = Logger.getLogger(ReportPageTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String READY = "data-report-state=\"ready\"";
    private static final String ERROR_MARKER = "data-report-error";
    private static final String CPU = "AMD EPYC 7B13";
    private static final String GPU = "NVIDIA H200";

    @InjectKafkaBootstrapServers
    String kafka;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theReportDrawsTheExperimentsNumbers() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        GridLineage grid = stored();
        long started = System.nanoTime();
        String dom = chromium.dumpDom(root + "experiments/" + grid.experimentId);
        LOG.infof("%s drew the report in %d ms", chromium.version(), (System.nanoTime() - started) / 1_000_000);

        assertThat("the page finished drawing", dom, containsString(READY));
        assertThat("no request failed", dom, not(containsString(ERROR_MARKER)));
        assertThat(dom, containsString("<h1 id=\"experiment-name\">grid</h1>"));

        // Retention per method: bars labelled mean ± std (in %), method names on the axis, the axis named.
        List<String> retention = svgs(between(dom, "id=\"retention-chart\"", "id=\"comparison-table\""));
        assertThat(retention, hasSize(1));
        String bars = retention.get(0);
        assertThat(bars, containsString(">naive<"));
        assertThat(bars, containsString(">" + GridLineage.REMIX + "<"));
        assertThat(bars, containsString(">25.0 ± 7.1<"));  // naive: 0.20, 0.30
        assertThat(bars, containsString(">60.0 ± 14.1<")); // remix: 0.70, 0.50
        assertThat(bars, containsString("retention on kvr:A (exact-match, %)"));
        // The table beside it, and the failed seed listed as excluded.
        String table = between(dom, "id=\"comparison-table\"", "id=\"matrices\"");
        assertThat(table, containsString("<td>75.0 ± 7.1</td>"));  // naive forgetting
        assertThat(table, containsString("<td>-1.50 ± 0.14</td>")); // naive gold log p: -1.6, -1.4
        assertThat(table, containsString("<td>62.5 ± 3.5</td>"));  // naive gold tokens: 0.60, 0.65
        assertThat(table, containsString("<td>+35.0 ["));          // remix - naive retention, in points
        assertThat(table, containsString("<td><div>0: 105 ± 7</div><div>1: 120 ± 0</div></td>")); // naive steps
        assertThat(table, containsString("Excluded: naive/seed2 failed at stage 1: " + GridLineage.FAILURE));

        // One heatmap per method, each cell the mean over the method's completed seeds.
        List<String> heatmaps = svgs(between(dom, "id=\"matrix-list\"", "id=\"run-matrices\""));
        assertThat(heatmaps, hasSize(2));
        for (String text : List.of(">naive<", ">kvr:A<", ">kvr:B<", ">stage 1 (kvr:B)<", ">100.0<", ">25.0<",
                ">98.0<")) {
            assertThat(heatmaps.get(0), containsString(text));
        }
        for (String text : List.of(">" + GridLineage.REMIX + "<", ">99.0<", ">60.0<")) {
            assertThat(heatmaps.get(1), containsString(text));
        }

        // A heatmap per run, whatever its status, grouped by method in the comparison's order, seeds in order.
        String perRun = between(dom, "id=\"run-matrix-list\"", "id=\"cost\"");
        assertThat(perRun, containsString("data-method=\"naive\"><h3>naive · 3 runs</h3>"));
        assertThat(perRun, containsString("data-method=\"" + GridLineage.REMIX + "\"><h3>" + GridLineage.REMIX
                + " · 3 runs</h3>"));
        assertThat(perRun.indexOf("data-method=\"naive\""), lessThan(perRun.indexOf("data-method=\"remix")));
        String naive0 = card(perRun, grid.runId(GridLineage.NAIVE, 0));
        assertThat(naive0, containsString("<strong>seed 0</strong>"));
        assertThat(naive0, containsString("status-completed"));
        assertThat(cells(naive0), equalTo(List.of("100.0", "", "20.0", "100.0")));
        assertThat(cells(card(perRun, grid.runId(GridLineage.NAIVE, 1))),
                equalTo(List.of("100.0", "", "30.0", "96.0")));
        // naive seed 2 failed in stage 1: its second checkpoint never came; remix seed 2 is still training it.
        String failed = card(perRun, grid.runId(GridLineage.NAIVE, 2));
        assertThat(failed, containsString("status-failed"));
        assertThat(cells(failed), equalTo(List.of("100.0", "", "none", "none")));
        String running = card(perRun, grid.runId(GridLineage.REMIX, 2));
        assertThat(running, containsString("status-running"));
        assertThat(cells(running), equalTo(List.of("100.0", "", "not yet", "not yet")));
        assertThat(cells(card(perRun, grid.runId(GridLineage.REMIX, 1))),
                equalTo(List.of("98.0", "", "50.0", "100.0")));

        // Cost: the experiment, each method (all runs; per completed seed), GPU and CPU apart (see priced()).
        String cost = between(dom, "id=\"cost-summary\"", "id=\"lens\"");
        assertThat(cost, containsString("GPU 104.0 s · CPU 385.0 s · 19 jobs priced, 1 unpriced · hardware: "
                + CPU + ", " + GPU));
        assertThat(cost, containsString("<tr><td>naive</td><td>3</td><td>0</td><td>365.0</td><td>0</td>"
                + "<td>140.0 ± 14.1</td><td>10</td><td>0</td><td>" + CPU + "</td></tr>"));
        assertThat(cost, containsString("<tr><td>" + GridLineage.REMIX + "</td><td>3</td><td>104.0</td><td>20.0</td>"
                + "<td>41.0 ± 1.41</td><td>7.50 ± 3.54</td><td>9</td><td>1</td><td>" + CPU + ", " + GPU
                + "</td></tr>"));
        // Each run's cost in the runs table.
        String runs = between(dom, "id=\"runs-table\"", "</table>");
        assertThat(runs, containsString("<td>0</td><td>130.0</td><td>4</td><td>" + CPU + "</td>"));     // naive/seed0
        assertThat(runs, containsString("<td>42.0</td><td>5.00</td><td>3 (1)</td><td>" + CPU + ", " + GPU
                + "</td>"));                                                                             // remix/seed1

        // The logit lens on D_A: one line per method and checkpoint, the table of first top-1 depths beside.
        List<String> lens = svgs(between(dom, "id=\"lens-chart\"", "id=\"lens-table\""));
        assertThat(lens, hasSize(1));
        for (String text : List.of(">Logit lens on kvr:A<", ">naive after stage 0 (kvr:A)<",
                ">" + GridLineage.REMIX + " after stage 1 (kvr:B)<", ">gold token probability<")) {
            assertThat(lens.get(0), containsString(text));
        }
        String lensTable = between(dom, "id=\"lens-table\"", "id=\"loss\"");
        // naive after stage 1: 10 + 15 known facts, 5 + 7 of them top-1 first after layer 1 -> depth 1.52;
        // top-1 rates per depth (0, 0.10, 0.20) and (0, 0.14, 0.30) -> 0.37 depths at top-1 per fact
        assertThat(lensTable, containsString("<td>naive after stage 1 (kvr:B)</td><td>2</td><td>25.0</td>"
                + "<td>1.52</td><td>0.37</td><td>75.0</td>"));

        // Loss curves: one chart per stage, a line per run that trained it, named in the legend.
        List<String> losses = svgs(between(dom, "id=\"loss-list\"", "id=\"runs\""));
        assertThat(losses, hasSize(2));
        assertThat(losses.get(0), containsString(">Loss of stage 0 (kvr:A)<"));
        assertThat(losses.get(0), containsString(">naive/seed2<"));
        assertThat(losses.get(1), containsString(">Loss of stage 1 (kvr:B)<"));
        assertThat(losses.get(1), containsString(">" + GridLineage.REMIX + "/seed2<"));
        assertThat(losses.get(1), not(containsString(">naive/seed2<"))); // it failed before its first step
        assertThat(losses.get(1), containsString(">step<"));
    }

    @Test
    void theListLinksToEachReport() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        GridLineage grid = stored();
        String dom = chromium.dumpDom(root + "experiments");
        assertThat(dom, containsString(READY));
        assertThat(dom, not(containsString(ERROR_MARKER)));
        assertThat(dom, containsString("<a href=\"/experiments/" + grid.experimentId + "\">grid</a>"));
    }

    @Test
    void aWrongLinkGetsAPageThatSaysSo() {
        given().get("/experiments/{id}", "no-such-experiment").then()
                .statusCode(404)
                .contentType("text/html")
                .body(containsString("No experiment with id &#39;no-such-experiment&#39;"));
        given().get("/experiments/{id}", "<script>alert(1)</script>").then()
                .statusCode(404)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert")));
        given().get("/experiments/{id}", "bad\u0000id").then()
                .statusCode(400)
                .contentType("text/html");
    }

    @Test
    void theAssetsAreServedFromThisService() {
        // ECharts from its webjar, without a version in the path; the page's own script and style.
        given().get("/webjars/echarts/dist/echarts.min.js").then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .body(containsString("echarts"));
        given().get("/report/report.js").then().statusCode(200).body(containsString("data-report-error"));
        given().get("/report/report.css").then().statusCode(200);
        given().get("/experiments").then()
                .statusCode(200)
                .contentType("text/html")
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    private GridLineage stored() {
        GridLineage grid = new GridLineage();
        List<MnemoEvent> events = priced(grid.events());
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            SyntheticLineage.publish(client, events);
        }
        await().atMost(PATIENCE).until(() -> RowCounts.processed(events) == events.size());
        return grid;
    }

    /**
     * The grid with costs: naive trains on CPUs (60 + 10 x seed CPU-seconds a stage), remix on a GPU (20 + seed
     * GPU-seconds a stage), every evaluation takes 5 CPU-seconds except remix seed 1's second one, which reports
     * no cost (unpriced). So naive: 130 + 150 + 85 = 365 CPU-s, per completed seed 140 ± 14.1; remix: 40 + 42 + 22
     * = 104 GPU-s and 10 + 5 + 5 = 20 CPU-s, per completed seed 41 ± 1.41 GPU-s and 7.5 ± 3.54 CPU-s.
     */
    static List<MnemoEvent> priced(List<MnemoEvent> events) {
        return events.stream().map(event -> {
            if (event instanceof StageCompleted stage) {
                long seed = seedOf(stage.runId());
                return stage.runId().contains("-naive-")
                        ? stage.withCost(new DeviceCost(DeviceCost.CPU, 60 + 10 * seed, 40, 2, CPU))
                        : stage.withCost(new DeviceCost(DeviceCost.GPU, 20 + seed, 20 + seed, 1, GPU));
            }
            if (event instanceof EvalCompleted eval) {
                boolean unpriced = !eval.runId().contains("-naive-") && seedOf(eval.runId()) == 1
                        && eval.stageIndex() == 1;
                return unpriced ? eval : eval.withCost(new DeviceCost(DeviceCost.CPU, 5, 3, 2, CPU));
            }
            return event;
        }).toList();
    }

    private static long seedOf(String runId) {
        return Long.parseLong(runId.substring(runId.lastIndexOf("-s") + 2));
    }

    /** One run's card of the per-run heatmaps. */
    private static String card(String fragment, String runId) {
        return between(fragment, "data-run-id=\"" + runId + "\"", "</figure>");
    }

    /** The text of a heatmap's cells, row by row. */
    private static List<String> cells(String card) {
        Matcher cell = Pattern.compile("<td class=\"cell[^\"]*\"[^>]*>([^<]*)</td>").matcher(card);
        List<String> texts = new ArrayList<>();
        while (cell.find()) {
            texts.add(cell.group(1));
        }
        return texts;
    }

    /** The part of the page between two markers (each must be there). */
    private static String between(String dom, String from, String to) {
        int start = dom.indexOf(from);
        int end = dom.indexOf(to, Math.max(start, 0));
        assertThat("the page has " + from, start >= 0);
        assertThat("the page has " + to + " after " + from, end > start);
        return dom.substring(start, end);
    }

    /** Every {@code <svg>...</svg>} in the fragment: one per drawn chart. */
    private static List<String> svgs(String fragment) {
        List<String> found = new ArrayList<>();
        for (int start = fragment.indexOf("<svg"); start >= 0; start = fragment.indexOf("<svg", start + 1)) {
            int end = fragment.indexOf("</svg>", start);
            found.add(fragment.substring(start, end < 0 ? fragment.length() : end));
        }
        return found;
    }
}
