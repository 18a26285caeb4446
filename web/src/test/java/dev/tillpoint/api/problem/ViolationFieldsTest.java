package dev.tillpoint.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;

/** Property paths as Hibernate Validator reports them for resource-method parameters. */
class ViolationFieldsTest {

    record Body(String name) {
    }

    /** Stands in for a resource: one entity parameter and three JAX-RS parameters. */
    static class Resource {
        public void create(@PathParam("merchantId") String merchantId, Body body,
                @QueryParam("limit") int limit, @HeaderParam("Idempotency-Key") String key) {
        }
    }

    /** What CDI hands the validator: a subclass whose override carries no annotations. */
    static class ResourceProxy extends Resource {
        @Override
        public void create(String merchantId, Body body, int limit, String key) {
        }
    }

    private static final List<Class<?>> PARAMS = List.of(String.class, Body.class, int.class, String.class);

    @Test
    void dropsTheMethodAndParameterFromABodyField() {
        assertEquals("name", field(Resource.class, parameter("body", 1), property("name", null)));
    }

    @Test
    void writesNestedFieldsWithDots() {
        assertEquals("order.id", field(Resource.class, parameter("body", 1), property("order", null), property("id", null)));
    }

    @Test
    void writesListPositionsWithBrackets() {
        assertEquals("items[2].id",
                field(Resource.class, parameter("body", 1), property("items", null), property("id", 2)));
        assertEquals("members[0]",
                field(Resource.class, parameter("body", 1), property("members", null), element(0)));
    }

    @Test
    void namesPathQueryAndHeaderParametersByTheirJaxRsName() {
        assertEquals("merchantId", field(Resource.class, parameter("merchantId", 0)));
        assertEquals("limit", field(Resource.class, parameter("limit", 2)));
        assertEquals("Idempotency-Key", field(Resource.class, parameter("key", 3)));
    }

    @Test
    void findsTheAnnotationsThroughACdiSubclass() {
        assertEquals("merchantId", field(ResourceProxy.class, parameter("merchantId", 0)));
    }

    @Test
    void namesAMissingBodyBody() {
        assertEquals("body", field(Resource.class, parameter("body", 1)));
        assertEquals("body", field(null, parameter("body", 1)));
    }

    private static String field(Class<?> root, Path.Node... tail) {
        List<Path.Node> path = new ArrayList<>();
        path.add(new FakeNode(ElementKind.METHOD, "create", null, -1, PARAMS));
        path.addAll(List.of(tail));
        return ViolationFields.fieldOf(path, root);
    }

    private static Path.Node parameter(String javaName, int index) {
        return new FakeNode(ElementKind.PARAMETER, javaName, null, index, List.of());
    }

    private static Path.Node property(String name, Integer indexInList) {
        return new FakeNode(ElementKind.PROPERTY, name, indexInList, -1, List.of());
    }

    private static Path.Node element(int index) {
        return new FakeNode(ElementKind.CONTAINER_ELEMENT, "<list element>", index, -1, List.of());
    }

    /** One class for every node kind the mapper reads; {@code as} is a cast, as in Hibernate Validator. */
    private record FakeNode(ElementKind kind, String name, Integer index, int parameterIndex,
            List<Class<?>> parameterTypes) implements Path.MethodNode, Path.ParameterNode, Path.PropertyNode,
            Path.ContainerElementNode {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isInIterable() {
            return index != null;
        }

        @Override
        public Integer getIndex() {
            return index;
        }

        @Override
        public Object getKey() {
            return null;
        }

        @Override
        public ElementKind getKind() {
            return kind;
        }

        @Override
        public <T extends Path.Node> T as(Class<T> nodeType) {
            return nodeType.cast(this);
        }

        @Override
        public List<Class<?>> getParameterTypes() {
            return parameterTypes;
        }

        @Override
        public int getParameterIndex() {
            return parameterIndex;
        }

        @Override
        public Class<?> getContainerClass() {
            return index == null ? null : List.class;
        }

        @Override
        public Integer getTypeArgumentIndex() {
            return index == null ? null : 0;
        }
    }
}
