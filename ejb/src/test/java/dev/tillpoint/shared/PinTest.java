package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PinTest {

    @ParameterizedTest
    @ValueSource(strings = {"000000", "123456", "999999"})
    void acceptsSixDigits(String raw) {
        assertInstanceOf(Result.Ok.class, Pin.parse(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "1234567", "12a456", "12 456", "١٢٣٤٥٦"})
    void refusesAnythingElse(String raw) {
        Result.Failure<Pin> failure = assertInstanceOf(Result.Failure.class, Pin.parse(raw));

        assertEquals(ErrorCode.VALIDATION_FAILED, failure.code());
        assertEquals(List.of(new Result.FieldError("pin", "must be exactly 6 digits")), failure.errors());
    }

    @Test
    void namesTheFieldItWasGiven() {
        Result.Failure<Pin> failure = (Result.Failure<Pin>) Pin.parse("1", "secureCode");

        assertEquals("secureCode", failure.errors().get(0).field());
    }

    @Test
    void toStringHidesTheDigits() {
        assertEquals("******", TestKeys.pin("123456").toString());
    }
}
