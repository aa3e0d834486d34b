package ai.mnemo.results.rest;

import ai.mnemo.results.api.ErrorResponse;
import ai.mnemo.results.api.LossPointView;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.service.LineageQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One run: its stages and evaluations, and its loss curve. */
@Path("/api/runs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs", description = "One run of an experiment's grid")
public class RunResource {

    private final LineageQueries queries;

    public RunResource(LineageQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "A run with its stages, checkpoints and evaluations")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No run with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public RunLineage get(@PathParam("id") String id) {
        return queries.run(Ids.check("run id", id)).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("loss")
    @Operation(summary = "The run's loss curve (TrainingProgress), by stage and step")
    @APIResponse(responseCode = "200", description = "The points")
    @APIResponse(responseCode = "400", description = "The id cannot be an id (blank, too long, control characters)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "No run with this id (yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public List<LossPointView> loss(@PathParam("id") String id) {
        return queries.lossCurve(Ids.check("run id", id)).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no run with id '" + id + "'");
    }
}
