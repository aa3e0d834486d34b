package ai.mnemo.results.rest;

import ai.mnemo.results.service.LineageQueries;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The report pages for people: the experiment list and one experiment's report. Each is a fixed HTML shell
 * (src/main/resources/report/) whose script, /report/report.js, fetches the JSON API and draws the charts with
 * ECharts from its webjar; the server only checks that the experiment exists, so a wrong link gets a 404 page.
 */
@Path(ReportPages.PATH)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "report pages", description = "HTML reports (for browsers; the data comes from the JSON API)")
public class ReportPages {

    public static final String PATH = "/experiments";
    /** Scripts, styles, data and fetches from this service only: the page loads nothing from elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final String LIST = page("experiments.html");
    private static final String REPORT = page("experiment.html");
    private static final String PROBLEM = page("problem.html");

    private final LineageQueries queries;

    public ReportPages(LineageQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "The experiments, newest first, with links to their reports (HTML)")
    public Response list() {
        return html(Response.Status.OK, LIST);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One experiment's report: retention per method, retention matrices per method and per run, "
            + "cost, logit lens, loss curves (HTML)")
    public Response report(@PathParam("id") String id) {
        try {
            Ids.check("experiment id", id);
        } catch (BadRequestException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (!queries.experimentExists(id)) {
            return problem(Response.Status.NOT_FOUND, "No experiment with id '" + id + "' (yet). A submitted "
                    + "experiment appears once results-service has read its request from Kafka.");
        }
        return html(Response.Status.OK, REPORT);
    }

    private static Response problem(Response.Status status, String message) {
        return html(status, PROBLEM.replace("{{status}}", status.getStatusCode() + " " + status.getReasonPhrase())
                .replace("{{message}}", escape(message)));
    }

    private static Response html(Response.Status status, String body) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-cache")
                .entity(body)
                .build();
    }

    /** Text for an HTML element: the five characters that could open markup are escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String page(String name) {
        try (InputStream in = ReportPages.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report page " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
