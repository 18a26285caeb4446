package dev.tillpoint.api.problem;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;

/**
 * Turns a service {@link Result} into a response: the success body through the resource's mapper,
 * any failure through {@link Problems}. Resources use only these, so an expected failure is mapped
 * to problem+json in exactly one place.
 */
public final class ResultResponses {

    private ResultResponses() {
    }

    /** 200 with the mapped body. */
    public static <T> Response ok(Result<T> result, Function<? super T, ?> toBody) {
        if (result instanceof Result.Ok<T> ok) {
            return Response.ok(toBody.apply(ok.value())).build();
        }
        return Problems.response((Result.Failure<T>) result);
    }

    /** 200 with the mapped body, or 404 {@code NOT_FOUND} when there is nothing. */
    public static <T> Response okOrNotFound(Optional<T> value, Function<? super T, ?> toBody) {
        return value.map(found -> Response.ok(toBody.apply(found)).build())
                .orElseGet(() -> Problems.response(ErrorCode.NOT_FOUND, Problems.defaultDetail(ErrorCode.NOT_FOUND)));
    }

    /** 201 with the mapped body, for a created thing that cannot be read back on its own. */
    public static <T> Response created(Result<T> result, Function<? super T, ?> toBody) {
        return created(result, toBody, null);
    }

    /**
     * 201 with the mapped body and a {@code Location} header naming where the created thing can be
     * read back.
     *
     * @param location the created value's URI; null for no {@code Location}
     */
    public static <T> Response created(Result<T> result, Function<? super T, ?> toBody,
            Function<? super T, URI> location) {
        if (result instanceof Result.Ok<T> ok) {
            Response.ResponseBuilder created = Response.status(Response.Status.CREATED).entity(toBody.apply(ok.value()));
            if (location != null) {
                created.location(location.apply(ok.value()));
            }
            return created.build();
        }
        return Problems.response((Result.Failure<T>) result);
    }

    /** 202 with the mapped body, for work accepted now and completed asynchronously. */
    public static <T> Response accepted(Result<T> result, Function<? super T, ?> toBody) {
        if (result instanceof Result.Ok<T> ok) {
            return Response.status(Response.Status.ACCEPTED).entity(toBody.apply(ok.value())).build();
        }
        return Problems.response((Result.Failure<T>) result);
    }

    /** 204, the success value being of no interest to the caller. */
    public static Response noContent(Result<?> result) {
        if (result instanceof Result.Failure<?> failure) {
            return Problems.response(failure);
        }
        return Response.noContent().build();
    }
}
