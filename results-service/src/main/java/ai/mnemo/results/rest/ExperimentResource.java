package ai.mnemo.results.rest;

import ai.mnemo.results.analysis.Comparison;
import ai.mnemo.results.analysis.LogitLenses;
import ai.mnemo.results.analysis.Retention;
import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ErrorResponse;
import ai.mnemo.results.api.ExperimentAccepted;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.LogitLensReport;
import ai.mnemo.results.api.RetentionReport;
import ai.mnemo.results.config.ResultsConfig;
import ai.mnemo.results.service.ExperimentCancellation;
import ai.mnemo.results.service.ExperimentSubmission;
import ai.mnemo.results.service.LineageQueries;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Submit experiments and read their lineage. */
@Path(ExperimentResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiments", description = "Submit experiment specs; read experiments with their runs and results")
public class ExperimentResource {

    public static final String PATH = "/api/experiments";
    /** A client's key for one submission: a retried POST with the same key gets the first answer back. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String YAML = "application/yaml";

    private final ExperimentSubmission submission;
    private final ExperimentCancellation cancellation;
    private final LineageQueries queries;
    private final ResultsConfig.Api api;
    private final SecurityIdentity identity;

    public ExperimentResource(ExperimentSubmission submission, ExperimentCancellation cancellation,
            LineageQueries queries, ResultsConfig config, SecurityIdentity identity) {
        this.submission = submission;
        this.cancellation = cancellation;
        this.queries = queries;
        this.api = config.api();
        this.identity = identity;
    }

    @POST
    @Authenticated
    @Consumes({MediaType.APPLICATION_JSON, YAML, "application/x-yaml", "text/yaml"})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit an experiment spec (JSON or YAML, see docs/experiment-spec.md)",
            description = "Needs a bearer token; its identity is stored as the experiment's submitter. Validates "
                    + "the spec under this deployment's limits and model root, and publishes ExperimentRequested. "
                    + "The experiment appears under its Location once the request has been read back from Kafka, "
                    + "usually within a second. With an Idempotency-Key, a retry of the same request gets the "
                    + "first answer back instead of creating a second experiment.")
    @APIResponse(responseCode = "202", description = "Accepted; the body and Location name the experiment",
            content = @Content(schema = @Schema(implementation = ExperimentAccepted.class)))
    @APIResponse(responseCode = "400", description = "Unreadable or invalid spec; violations name every field",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "413", description = "The spec is over mnemo.limits.spec-bytes, or over what Kafka "
            + "takes", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "415", description = "Content-Type missing, or not JSON or YAML",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for another spec",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not take the request; send it again",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response submit(
            @RequestBody(description = "The experiment spec, UTF-8", required = true) byte[] spec,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "The client's key for this request (printable, at most 255 characters)")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (contentType == null || contentType.isBlank()) {
            throw new NotSupportedException("send the spec with Content-Type application/json or application/yaml");
        }
        String key = idempotencyKey == null ? null : Ids.check(IDEMPOTENCY_KEY, idempotencyKey);
        ExperimentSubmission.Accepted accepted = submission.submit(spec == null ? new byte[0] : spec,
                Submitters.of(identity), key);
        return Response.accepted(new ExperimentAccepted(accepted.experimentId()))
                .location(URI.create(PATH + "/" + accepted.experimentId()))
                .header("Idempotent-Replayed", accepted.repeated() ? "true" : null)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel an experiment",
            description = "Needs a bearer token. Publishes ExperimentCancelled: within about 30 s data-service starts "
                    + "nothing more for the experiment, trainers stop its running stage at the next step and skip its "
                    + "queued ones, and the experiment and its unfinished runs show cancelled. Cancelling a cancelled "
                    + "experiment answers 202 again. An experiment submitted a moment ago may not be known yet (404): "
                    + "retry after a second.")
    @APIResponse(responseCode = "202", description = "Cancelling (or cancelled already)",
            content = @Content(schema = @Schema(implementation = ExperimentAccepted.class)))
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No experiment with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "409", description = "The experiment ended already (completed, failed, rejected)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not take the cancellation; send it again",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response cancel(@PathParam("id") String id) {
        String who = Submitters.of(identity);
        String checked = Ids.check("experiment id", id);
        cancellation.cancel(checked, who);
        return Response.accepted(new ExperimentAccepted(checked))
                .location(URI.create(PATH + "/" + checked))
                .build();
    }

    @GET
    @Operation(summary = "Experiments, newest first, with their runs counted by status")
    @APIResponse(responseCode = "200", description = "The experiments")
    @APIResponse(responseCode = "400", description = "limit is not an integer in range",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public List<ExperimentSummary> list(
            @Parameter(description = "How many (default 100, at most 1000)") @QueryParam("limit") String limit) {
        return queries.experiments(Limits.parse(limit, api.defaultLimit(), api.maxLimit()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One experiment's whole lineage",
            description = "The spec, and every run with its stages: dataset and manifest, training settings and "
                    + "outcome, checkpoint, and the evaluations of that stage's checkpoint.")
    @APIResponse(responseCode = "200", description = "The lineage")
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No experiment with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public ExperimentLineage get(@PathParam("id") String id) {
        return experiment(id);
    }

    @GET
    @Path("{id}/retention")
    @Operation(summary = "Each run's retention matrix",
            description = "Per run (any status), the matrix stage x dataset: row i is the checkpoint after stage i, "
                    + "column j the dataset of stage j, each cell the accuracy (0..1) by that dataset's metric, "
                    + "exact match for KVR; null where not evaluated (above the diagonal, or still pending). "
                    + "ROUGE-L F1 in the same shape.")
    @APIResponse(responseCode = "200", description = "The matrices",
            content = @Content(schema = @Schema(implementation = RetentionReport.class)))
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No experiment with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public RetentionReport retention(@PathParam("id") String id) {
        return Retention.of(experiment(id));
    }

    @GET
    @Path("{id}/comparison")
    @Operation(summary = "The methods compared over seeds",
            description = "Per method (its label, which includes mix ratio, mixing source or replay fraction): "
                    + "n, mean and sample standard deviation (n - 1; null for a single seed) over the completed "
                    + "runs of retention (D_A after the last stage), forgetting (D_A after stage 0 minus "
                    + "retention), the last stage's accuracy on its own dataset (D_B) and the steps of each stage; "
                    + "below exact match, teacher forcing on D_A after the last stage (the gold tokens' mean "
                    + "log-probability and the share of them that are the argmax). Failed runs are left out, "
                    + "counted and listed; runs still going are counted as pending.")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(schema = @Schema(implementation = ComparisonReport.class)))
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No experiment with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public ComparisonReport comparison(@PathParam("id") String id) {
        return Comparison.of(experiment(id));
    }

    @GET
    @Path("{id}/logit-lens")
    @Operation(summary = "The logit lens per method over seeds",
            description = "Per method and per cell (the checkpoint after stage i, the dataset of stage j): at every "
                    + "depth (0 = the embedding output, l = after layer l), the probability of the gold answer's "
                    + "first token when the final norm and the LM head read the residual stream at the last prompt "
                    + "position, the share of facts where it is the top-1, and at which depth it first is. Over the "
                    + "completed runs.")
    @APIResponse(responseCode = "200", description = "The logit lens",
            content = @Content(schema = @Schema(implementation = LogitLensReport.class)))
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No experiment with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public LogitLensReport logitLens(@PathParam("id") String id) {
        return LogitLenses.of(experiment(id));
    }

    private ExperimentLineage experiment(String id) {
        return queries.experiment(Ids.check("experiment id", id))
                .orElseThrow(() -> new NotFoundException("no experiment with id '" + id + "'"));
    }
}
