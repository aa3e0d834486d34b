package ai.mnemo.results.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import ai.mnemo.events.v1.MnemoEvent;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a request of the report page fails, the page says which request, what came back and what to try, and hides
 * the sections it could not draw, instead of staying blank or half drawn. The real page and script are loaded in
 * headless Chromium through {@link FaultyApiProxy}, which makes one request fail at a time: a 500 from the JSON
 * API, a 404, a connection closed without an answer, a body that is not JSON, the chart library missing.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReportFetchErrorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String ERROR_STATE = "data-report-state=\"error\"";
    private static final String MESSAGE = "<strong>Could not load the report. </strong>";

    @InjectKafkaBootstrapServers
    String kafka;

    @TestHTTPResource("/")
    URL root;

    private SyntheticLineage lineage;

    @BeforeEach
    void storeAnExperiment() {
        lineage = SyntheticLineage.fresh();
        List<MnemoEvent> events = lineage.events();
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            SyntheticLineage.publish(client, events);
        }
        await().atMost(PATIENCE).until(() -> RowCounts.processed(events) == events.size());
    }

    @Test
    void aServerErrorOfTheJsonApiIsShownAsAMessage() throws Exception {
        String api = "/api/experiments/" + lineage.experimentId;
        String dom = load(api, new FaultyApiProxy.Answer(500, "application/json",
                "{\"error\":\"the database did not answer\"}"));
        assertFailed(dom);
        assertThat(dom, containsString("GET " + api + " answered 500: the database did not answer"));
    }

    @Test
    void aMissingResourceIsShownAsAMessage() throws Exception {
        String api = "/api/experiments/" + lineage.experimentId + "/comparison";
        String dom = load(api, new FaultyApiProxy.Answer(404, "application/json",
                "{\"error\":\"No experiment with id '" + lineage.experimentId + "'\"}"));
        assertFailed(dom);
        assertThat(dom, containsString("GET " + api + " answered 404: No experiment with id '"
                + lineage.experimentId + "'"));
    }

    @Test
    void aDroppedConnectionIsShownAsAMessage() throws Exception {
        String api = "/api/experiments/" + lineage.experimentId + "/retention";
        String dom = load(api, new FaultyApiProxy.Drop());
        assertFailed(dom);
        assertThat(dom, containsString("GET " + api + " did not reach results-service: "));
    }

    @Test
    void anAnswerThatIsNotJsonIsShownAsAMessage() throws Exception {
        String api = "/api/runs/" + lineage.runId + "/loss";
        String dom = load(api, new FaultyApiProxy.Answer(200, "text/html", "<html>a proxy's login page</html>"));
        assertFailed(dom);
        assertThat(dom, containsString("GET " + api + " answered 200 with a body that is not JSON"));
    }

    @Test
    void aMissingChartLibraryIsShownAsAMessage() throws Exception {
        String dom = load("/webjars/echarts/dist/echarts.min.js",
                new FaultyApiProxy.Answer(404, "text/plain", "not found"));
        assertFailed(dom);
        assertThat(dom, containsString("the chart library (/webjars/echarts/dist/echarts.min.js) did not load."));
    }

    private String load(String failingPath, FaultyApiProxy.Fault fault) throws Exception {
        try (FaultyApiProxy proxy = new FaultyApiProxy(root.toURI())) {
            proxy.fail(failingPath, fault);
            return HeadlessChromium.require().dumpDom(proxy.root() + "experiments/" + lineage.experimentId);
        }
    }

    /** The error state, one message that says what to try, the sections hidden and nothing drawn. */
    private static void assertFailed(String dom) {
        assertThat("the page reached its error state", dom, containsString(ERROR_STATE));
        assertThat(dom, containsString("data-report-error=\"true\""));
        assertThat(dom, containsString(MESSAGE));
        assertThat(dom, containsString("Reload the page to try again."));
        assertThat(dom, containsString("The report could not be loaded."));
        for (String section : List.of("spec", "retention", "matrices", "run-matrices", "cost", "lens", "loss",
                "runs")) {
            assertThat(dom, containsString("<section id=\"" + section + "\" hidden=\"\">"));
        }
        assertThat("no chart drawn", dom, not(containsString("<svg")));
    }
}
