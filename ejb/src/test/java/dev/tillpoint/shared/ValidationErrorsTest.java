package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationErrorsTest {

    @Test
    void collectsEveryFieldIntoOneFailure() {
        ValidationErrors errors = new ValidationErrors();

        CardNumber card = errors.take(CardNumber.parse("12"));
        Pin pin = errors.take(Pin.parse("123456"));
        errors.add("currency", "must be one of EUR");
        Result<String> failure = errors.toFailure();

        assertNull(card);
        assertEquals("******", pin.toString());
        Result.Failure<String> failed = (Result.Failure<String>) failure;
        assertEquals(ErrorCode.VALIDATION_FAILED, failed.code());
        assertEquals(List.of("accountNumber", "currency"), failed.errors().stream().map(Result.FieldError::field).toList());
    }

    @Test
    void anEmptyCollectionIsNoFailure() {
        ValidationErrors errors = new ValidationErrors();

        assertTrue(errors.isEmpty());
        assertThrows(IllegalStateException.class, errors::toFailure);
    }
}
