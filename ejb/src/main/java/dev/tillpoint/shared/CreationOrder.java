package dev.tillpoint.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in a list ordered by creation time, then id: the keyset most lists page by. The id
 * breaks ties between items created in the same microsecond, so the order is total and a page
 * boundary can never fall between two items that compare equal.
 *
 * <p>A page after a position is a query for the rows that sort after it ({@link #pageQuery}), never an
 * OFFSET: it costs the same on the thousandth page as on the first, and rows inserted meanwhile
 * neither repeat nor skip an item. The entity must have {@code createdAt} and {@code id} attributes.
 *
 * @param createdAt the item's creation time, as stored
 * @param id        the item's id
 */
public record CreationOrder(Instant createdAt, String id) {

    private static final String AFTER_CREATED_AT = "afterCreatedAt";
    private static final String AFTER_ID = "afterId";

    public CreationOrder {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /** The position as {@link PageCursors} carries it: the ISO-8601 time (exact to the nanosecond), then the id. */
    public List<String> cursorFields() {
        return List.of(createdAt.toString(), id);
    }

    /** The position back from {@link #cursorFields()}; empty for fields of another shape. */
    public static Optional<CreationOrder> fromCursorFields(List<String> fields) {
        if (fields.size() != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CreationOrder(Instant.parse(fields.get(0)), fields.get(1)));
        } catch (DateTimeParseException otherShape) {
            // Only a signed cursor gets here, so it was written by some other list: an expected refusal.
            return Optional.empty();
        }
    }

    /**
     * The query for a page: the items of {@code entity} that match {@code where} and sort after
     * {@code after} (all of them when it is empty), in this order, at most {@code limit + 1} of
     * them: the extra row is the look-ahead of {@link Page#fromLookAhead}. The caller binds the
     * parameters of {@code where}.
     *
     * @param alias the entity's alias in {@code where}, e.g. {@code a}
     * @param where a JPQL condition, e.g. {@code a.customerId = :customerId}
     */
    public static <E> TypedQuery<E> pageQuery(EntityManager em, Class<E> entity, String alias, String where,
            Optional<CreationOrder> after, int limit) {
        String entityName = em.getMetamodel().entity(entity).getName();
        String afterPosition = after.map(position -> " and (" + alias + ".createdAt > :" + AFTER_CREATED_AT
                + " or (" + alias + ".createdAt = :" + AFTER_CREATED_AT + " and " + alias + ".id > :" + AFTER_ID + "))")
                .orElse("");
        TypedQuery<E> query = em.createQuery("select " + alias + " from " + entityName + " " + alias
                        + " where (" + where + ")" + afterPosition
                        + " order by " + alias + ".createdAt, " + alias + ".id", entity)
                .setMaxResults(limit + 1);
        after.ifPresent(position -> query.setParameter(AFTER_CREATED_AT, position.createdAt())
                .setParameter(AFTER_ID, position.id()));
        return query;
    }
}
