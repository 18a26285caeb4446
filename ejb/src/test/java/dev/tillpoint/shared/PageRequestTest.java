package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void anAbsentLimitIsTheDefaultAndTheCursorIsPassedOn() {
        assertEquals(Result.ok(new PageRequest(50, null)), PageRequest.parse(null, null));
        assertEquals(Result.ok(new PageRequest(50, "abc")), PageRequest.parse(null, "abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "50", "199", "200", "007"})
    void acceptsLimitsFromOneTo200(String limit) {
        assertEquals(Result.ok(new PageRequest(Integer.parseInt(limit), "c")), PageRequest.parse(limit, "c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", "", " ", " 5", "5 ", "+5", "1.5", "1e2", "0x10", "2147483648",
            "99999999999999999999", "\uff12", "\u0665", "50abc"})
    void refusesAnyOtherLimitNamingTheField(String limit) {
        Result.Failure<?> failure = assertInstanceOf(Result.Failure.class, PageRequest.parse(limit, null));

        assertEquals(ErrorCode.VALIDATION_FAILED, failure.code());
        assertEquals(List.of(PageRequest.LIMIT), failure.errors().stream().map(Result.FieldError::field).toList());
        assertEquals("must be an integer from 1 to 200", failure.errors().get(0).message(), "never quotes the input");
    }

    @Test
    void aListMayBoundItsPagesLower() {
        assertEquals(Result.ok(new PageRequest(50, null)), PageRequest.parse(null, null, 50));
        assertEquals(Result.ok(new PageRequest(20, null)), PageRequest.parse(null, null, 20));
        assertEquals(Result.ok(new PageRequest(50, null)), PageRequest.parse("50", null, 50));
        assertInstanceOf(Result.Failure.class, PageRequest.parse("51", null, 50));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.parse("5", null, 201));
    }

    @Test
    void aRequestOutsideTheBoundsCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, null));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(201, null));
    }
}
