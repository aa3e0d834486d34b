package ai.mnemo.results.rest;

import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.results.api.ErrorResponse;
import ai.mnemo.results.service.IdempotencyConflictException;
import ai.mnemo.results.service.PublishFailedException;
import ai.mnemo.results.service.SpecTooLargeException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
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
        LOG.warn("a submission could not be published", e);
        return json(Response.Status.SERVICE_UNAVAILABLE, ErrorResponse.of(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> tooLarge(SpecTooLargeException e) {
        return json(Response.Status.REQUEST_ENTITY_TOO_LARGE, ErrorResponse.of(e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> keyReused(IdempotencyConflictException e) {
        return json(422, ErrorResponse.of(e.getMessage()));
    }

    /** 401 with the scheme to use, whether the token is missing, expired, forged or names no usable identity. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of("authentication required: send a valid bearer token (Authorization: Bearer"
                        + " <token>); the mnemo CLI sends the local stack's by itself"))
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> forbidden(ForbiddenException e) {
        return json(Response.Status.FORBIDDEN, ErrorResponse.of("this identity may not do that"));
    }

    /** 404 for unknown ids and paths, 405, 415, 400 for bad parameters: the framework's status, our body. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()
                ? "send the spec with Content-Type application/json or application/yaml" : e.getMessage();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(message))
                .build();
    }

    /** Never the exception's text: it may name classes and paths of this machine. The log has it, by reference. */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed (reference %s)", reference);
        return json(Response.Status.INTERNAL_SERVER_ERROR, ErrorResponse.of("internal error; results-service's log"
                + " has the details under reference " + reference));
    }

    private static RestResponse<ErrorResponse> json(Response.Status status, ErrorResponse body) {
        return json(status.getStatusCode(), body);
    }

    private static RestResponse<ErrorResponse> json(int status, ErrorResponse body) {
        return RestResponse.ResponseBuilder.<ErrorResponse>create(status).entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
