package ai.mnemo.results.rest;

import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.results.service.PublishFailedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as JSON ({@link ErrorResponse}) with the status that says whose fault it is: a client mistake
 * (bad spec, unknown id, wrong media type, bad parameter) is a 4xx, never a 500.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalidSpec(InvalidSpecException e) {
        return json(Response.Status.BAD_REQUEST, new ErrorResponse(
                "invalid experiment spec: fix the fields listed in violations",
                e.violations().stream()
                        .map(v -> new ErrorResponse.FieldViolation(v.field(), v.message()))
                        .toList()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> publishFailed(PublishFailedException e) {
        return json(Response.Status.SERVICE_UNAVAILABLE, ErrorResponse.of(e.getMessage()));
    }

    /** 404 for unknown ids and paths, 405, 415, 400 for bad parameters: the framework's status, our body. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return Response.status(e.getResponse().getStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unexpected(Exception e) {
        LOG.error("request failed", e);
        return json(Response.Status.INTERNAL_SERVER_ERROR, ErrorResponse.of("internal error: " + e.getMessage()));
    }

    private static RestResponse<ErrorResponse> json(Response.Status status, ErrorResponse body) {
        return RestResponse.ResponseBuilder.create(status, body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
