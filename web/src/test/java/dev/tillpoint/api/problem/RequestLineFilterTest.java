package dev.tillpoint.api.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Percent-encoded URIs must decode to well-formed UTF-8. */
class RequestLineFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/customers", "/api/v1/x%20y", "since=2026-11-28T10%3A15%3A30Z", "/caf%C3%A9",
        "/%F0%9F%98%80", "100%", "%zz", "/a%2"})
    void wellFormed(String raw) {
        assertTrue(RequestLineFilter.isWellFormed(raw), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/customers/a%c0%afb", "/%C0%AF", "/%E0%80%AF", "/%ED%A0%80", "/%FF",
        "/%80", "/%C3", "q=%F4%90%80%80"})
    void malformed(String raw) {
        assertFalse(RequestLineFilter.isWellFormed(raw), raw);
    }
}
