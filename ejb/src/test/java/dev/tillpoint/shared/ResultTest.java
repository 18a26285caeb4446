package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void flatMapChainsAStepThatMayFail() {
        assertEquals(Result.ok(3), Result.ok("abc").flatMap(text -> Result.ok(text.length())));
        assertEquals(Result.invalid("limit", "too big"),
                Result.ok("abc").flatMap(text -> Result.invalid("limit", "too big")));
    }

    @Test
    void flatMapKeepsTheFirstFailureAndSkipsTheStep() {
        Result<String> failed = Result.invalid("cursor", "is not a cursor");

        assertEquals(Result.<Integer>invalid("cursor", "is not a cursor"),
                failed.<Integer>flatMap(text -> fail("the step ran after a failure")));
    }
}
