package dev.tillpoint.api.problem;

import java.util.function.Function;

import jakarta.ws.rs.core.Response;

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

    /** 201 with the mapped body. */
    public static <T> Response created(Result<T> result, Function<? super T, ?> toBody) {
        if (result instanceof Result.Ok<T> ok) {
            return Response.status(Response.Status.CREATED).entity(toBody.apply(ok.value())).build();
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
