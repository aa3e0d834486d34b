package ai.mnemo.data.rest;

import ai.mnemo.data.plan.PlanStore;
import ai.mnemo.data.run.RunState;
import ai.mnemo.data.run.RunStates;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/runs/{runId}/state}: the run's state as data-service keeps it, with what it waits for in words.
 * Read-only; operators use it to see why a run has not moved on.
 */
@Path("/api/runs/{runId}/state")
public class RunStateResource {

    /** The state and its reading now. */
    public record View(RunState state, String waitingFor) {}

    private final RunStates states;
    private final PlanStore plans;

    public RunStateResource(RunStates states, PlanStore plans) {
        this.states = states;
        this.plans = plans;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("runId") String runId) {
        if (!isUuid(runId)) {
            return error(Response.Status.BAD_REQUEST, "runId must be a run's UUID, got '" + printable(runId) + "'");
        }
        // A planned run that has not begun has no state file yet: it is PLANNED.
        return states.find(runId).or(() -> plans.find(runId).map(p -> RunState.planned(runId, p.stages().size())))
                .map(state -> Response.ok(new View(state, state.waitingFor(Instant.now()))).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "data-service has no run " + runId));
    }

    private static boolean isUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
