package dev.tillpoint.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result.FieldError;

class ErrorStatusTest {

    @Test
    void mapsEachCodeToTheStatusOfTheContract() {
        Map<ErrorCode, Integer> contract = Map.ofEntries(
                Map.entry(ErrorCode.VALIDATION_FAILED, 400),
                Map.entry(ErrorCode.UNAUTHORIZED, 401),
                Map.entry(ErrorCode.FORBIDDEN, 403),
                Map.entry(ErrorCode.NOT_FOUND, 404),
                Map.entry(ErrorCode.METHOD_NOT_ALLOWED, 405),
                Map.entry(ErrorCode.NOT_ACCEPTABLE, 406),
                Map.entry(ErrorCode.DUPLICATE, 409),
                Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, 413),
                Map.entry(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415),
                Map.entry(ErrorCode.UNKNOWN_REFERENCE, 422),
                Map.entry(ErrorCode.LOCKED, 423),
                Map.entry(ErrorCode.SECURE_CODE_INVALID, 403),
                Map.entry(ErrorCode.CODE_INVALID, 402),
                Map.entry(ErrorCode.CODE_REUSED, 402),
                Map.entry(ErrorCode.AUTHORIZATION_REVOKED, 402),
                Map.entry(ErrorCode.AUTHORIZATION_EXPIRED, 402),
                Map.entry(ErrorCode.CURRENCY_MISMATCH, 402),
                Map.entry(ErrorCode.LIMIT_EXCEEDED, 402),
                Map.entry(ErrorCode.INSUFFICIENT_FUNDS, 402),
                Map.entry(ErrorCode.IDEMPOTENCY_CONFLICT, 409),
                Map.entry(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 409),
                Map.entry(ErrorCode.PAYMENT_SETTLED, 409),
                Map.entry(ErrorCode.PAYMENT_REFUNDED, 409),
                Map.entry(ErrorCode.PAYMENT_REVERSED, 409),
                Map.entry(ErrorCode.REFUND_EXCEEDS_PAYMENT, 422),
                Map.entry(ErrorCode.BEACON_NOT_FOUND, 404),
                Map.entry(ErrorCode.OUT_OF_RANGE, 422),
                Map.entry(ErrorCode.CHANNEL_NOT_SUPPORTED, 422),
                Map.entry(ErrorCode.INTERNAL_ERROR, 500));
        assertEquals(ErrorCode.values().length, contract.size(), "every code has its status in this table");
        contract.forEach((code, status) -> assertEquals(status, ErrorStatus.of(code), code.name()));
    }

    @Test
    void everyCodeIsAnErrorStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            int status = ErrorStatus.of(code);
            assertTrue(status >= 400 && status < 600, code + " -> " + status);
        }
    }

    @Test
    void titlesAreTheCodeInWords() {
        assertEquals("Validation failed", ErrorStatus.title(ErrorCode.VALIDATION_FAILED));
        assertEquals("Not found", ErrorStatus.title(ErrorCode.NOT_FOUND));
        assertEquals("Locked", ErrorStatus.title(ErrorCode.LOCKED));
    }

    @Test
    void runtimeStatusesGetTheirGenericCode() {
        assertEquals(ErrorCode.VALIDATION_FAILED, ErrorStatus.genericCodeFor(400));
        assertEquals(ErrorCode.UNAUTHORIZED, ErrorStatus.genericCodeFor(401));
        assertEquals(ErrorCode.FORBIDDEN, ErrorStatus.genericCodeFor(403));
        assertEquals(ErrorCode.NOT_FOUND, ErrorStatus.genericCodeFor(404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorStatus.genericCodeFor(405));
        assertEquals(ErrorCode.NOT_ACCEPTABLE, ErrorStatus.genericCodeFor(406));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, ErrorStatus.genericCodeFor(413));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorStatus.genericCodeFor(415));
        // No contract code for these: a client error stays a client error, anything else is a 500.
        assertEquals(ErrorCode.VALIDATION_FAILED, ErrorStatus.genericCodeFor(410));
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorStatus.genericCodeFor(503));
        // Every generic code's own status round-trips.
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 415}) {
            assertEquals(status, ErrorStatus.of(ErrorStatus.genericCodeFor(status)));
        }
    }

    @Test
    void aProblemCarriesTypeTitleStatusAndCode() {
        Problem problem = Problem.of(ErrorCode.UNKNOWN_REFERENCE, "No customer bob.", List.of());
        assertEquals("/problems/unknown-reference", problem.type());
        assertEquals("Unknown reference", problem.title());
        assertEquals(422, problem.status());
        assertEquals("UNKNOWN_REFERENCE", problem.code());
        assertEquals("No customer bob.", problem.detail());
        assertNull(problem.errors(), "no errors member unless there are errors");
    }

    @Test
    void aValidationProblemListsItsFields() {
        Problem problem = Problem.of(ErrorCode.VALIDATION_FAILED, "d", List.of(new FieldError("amount", "must be an integer")));
        assertEquals(List.of(new ProblemField("amount", "must be an integer")), problem.errors());
    }
}
