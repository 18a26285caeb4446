package dev.tillpoint.api.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.payments.PosPayments;
import dev.tillpoint.shared.Result.FieldError;

/**
 * The text rule for what Jackson never reads: every query parameter and the
 * {@code Idempotency-Key} header must be single-line text (400 VALIDATION_FAILED naming it).
 *
 * <p>Runs after the role check and the terminal filter ({@code Priorities.AUTHORIZATION} and just
 * after), so 401 and 403 still come first, and before any resource sees a value.
 */
@Provider
@Priority(Priorities.USER)
public class TextParametersFilter implements ContainerRequestFilter {

    /** Parameter names are echoed only when they look like names. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            boolean refused = !Text.isSingleLine(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(value -> value != null && !Text.isSingleLine(value));
            if (refused) {
                String name = SAFE_NAME.matcher(parameter.getKey()).matches() ? parameter.getKey() : "?";
                errors.add(new FieldError(name, Text.SINGLE_LINE_MESSAGE));
            }
        }
        List<String> keys = request.getHeaders().get(PosPayments.IDEMPOTENCY_KEY);
        if (keys != null && keys.stream().anyMatch(key -> key != null && !Text.isSingleLine(key))) {
            errors.add(new FieldError(PosPayments.IDEMPOTENCY_KEY, Text.SINGLE_LINE_MESSAGE));
        }
        if (!errors.isEmpty()) {
            request.abortWith(Problems.validationFailed(errors));
        }
    }
}
