package dev.tillpoint.api.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Names the field of a Bean Validation violation as the client knows it.
 *
 * <p>A violation on a resource method is reported with a path such as
 * {@code register.request.order.id}: the method and the Java parameter come first. The client
 * sent {@code order.id}, so those nodes are dropped. A violation on a path, query or header
 * parameter is named by its JAX-RS name ({@code @PathParam("merchantId")}), and one on the body as
 * a whole (a missing body) is named {@code body}.
 */
public final class ViolationFields {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ViolationFields() {
    }

    public static String fieldOf(ConstraintViolation<?> violation) {
        return fieldOf(violation.getPropertyPath(), violation.getRootBeanClass());
    }

    /**
     * @param path          the violation's property path
     * @param rootBeanClass the validated object's class (the resource, possibly a CDI subclass),
     *                      used to find the JAX-RS parameter annotations; may be null
     */
    static String fieldOf(Iterable<Path.Node> path, Class<?> rootBeanClass) {
        StringBuilder field = new StringBuilder();
        Path.MethodNode method = null;
        String parameterName = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            switch (kind) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case CONSTRUCTOR -> method = null;
                case PARAMETER -> parameterName = jaxRsName(rootBeanClass, method,
                        node.as(Path.ParameterNode.class).getParameterIndex()).orElse(null);
                case CROSS_PARAMETER, RETURN_VALUE -> parameterName = null;
                case PROPERTY -> {
                    appendIndex(field, node);
                    if (!field.isEmpty() && field.charAt(field.length() - 1) != '.') {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                case CONTAINER_ELEMENT, BEAN -> appendIndex(field, node);
                default -> {
                    // Nothing else can appear in a method-parameter path.
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameterName != null ? parameterName : JsonErrors.BODY;
    }

    /** The node's position in its container, as JSON paths write it: {@code [2]} or {@code [key]}. */
    private static void appendIndex(StringBuilder field, Path.Node node) {
        if (!node.isInIterable()) {
            return;
        }
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            // Map keys come from the input; echo only harmless ones.
            String key = String.valueOf(node.getKey());
            field.append('[').append(SAFE_KEY.matcher(key).matches() ? key : "?").append(']');
        }
    }

    /**
     * The JAX-RS name of a resource method's parameter, or empty for the entity parameter (which
     * has no such annotation). CDI may hand the validator a generated subclass, whose overriding
     * methods carry no parameter annotations, so the class hierarchy is searched.
     */
    static Optional<String> jaxRsName(Class<?> rootBeanClass, Path.MethodNode method, int index) {
        if (method == null || index < 0 || index >= method.getParameterTypes().size()) {
            return Optional.empty();
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = rootBeanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            Optional<String> name = declaredMethod(type, method.getName(), types)
                    .flatMap(declared -> paramName(declared.getParameterAnnotations()[index]));
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> declaredMethod(Class<?> type, String name, Class<?>[] types) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Arrays.equals(m.getParameterTypes(), types))
                .findFirst();
    }

    private static Optional<String> paramName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam p) {
                return Optional.of(p.value());
            }
            if (annotation instanceof QueryParam q) {
                return Optional.of(q.value());
            }
            if (annotation instanceof HeaderParam h) {
                return Optional.of(h.value());
            }
            if (annotation instanceof CookieParam c) {
                return Optional.of(c.value());
            }
            if (annotation instanceof FormParam f) {
                return Optional.of(f.value());
            }
            if (annotation instanceof MatrixParam m) {
                return Optional.of(m.value());
            }
        }
        return Optional.empty();
    }
}
