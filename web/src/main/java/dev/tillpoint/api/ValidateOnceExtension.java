package dev.tillpoint.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Path;

/**
 * Validates a resource method's parameters once per request, not twice. RESTEasy validates them
 * itself before it calls the method (and a violation becomes the 400 of
 * {@link dev.tillpoint.api.problem.ValidationExceptionMapper}); Hibernate Validator's CDI extension
 * also binds its method-validation interceptor to every CDI bean with constrained methods, which
 * made every resource call validate the same, already valid, parameters and return value again.
 * This takes that binding ({@code @MethodValidated}) off the methods of JAX-RS resource classes
 * only, after Hibernate Validator added it (a later observer priority); every other bean keeps its
 * interceptor, and what RESTEasy checks is unchanged.
 */
public class ValidateOnceExtension implements Extension {

    private static final String METHOD_VALIDATED = "org.hibernate.validator.cdi.internal.interceptor.MethodValidated";

    <T> void resourcesValidatedByRestEasyOnly(
            @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        if (!type.getAnnotatedType().isAnnotationPresent(Path.class)) {
            return;
        }
        var configurator = type.configureAnnotatedType();
        configurator.remove(annotation -> METHOD_VALIDATED.equals(annotation.annotationType().getName()));
        configurator.methods().forEach(method ->
                method.remove(annotation -> METHOD_VALIDATED.equals(annotation.annotationType().getName())));
    }
}
