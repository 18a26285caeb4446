package dev.tillpoint.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON request bodies built from ordered maps, so single fields can be changed or dropped. */
final class Bodies {

    private Bodies() {
    }

    /** An ordered map of name/value pairs; pairs whose value is null are left out. */
    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }

    /** A copy of {@code base} with {@code name} set to {@code value} (which may be null: JSON null). */
    static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(name, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> base, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.remove(name);
        return copy;
    }

    static String json(Map<String, ?> body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }

    static String json(Object... namesAndValues) {
        return json(map(namesAndValues));
    }

    /** {@code body} as JSON with {@code name} written twice: first {@code firstValue}, then the body's own. */
    static String withDuplicateKey(Map<String, Object> body, String name, Object firstValue) {
        return "{" + json(map(name, firstValue)).replaceAll("^\\{|\\}$", "") + "," + json(body).substring(1);
    }

    /** {@code body} as JSON padded with whitespace inside the object to more than {@code bytes}. */
    static String paddedTo(Map<String, Object> body, int bytes) {
        String json = json(body);
        return json.substring(0, json.length() - 1) + " ".repeat(bytes) + "}";
    }

    /** A short printable form of a raw body for test names. */
    static String show(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…(" + raw.length() + " chars)" : raw;
        return "'" + shown + "'";
    }
}
