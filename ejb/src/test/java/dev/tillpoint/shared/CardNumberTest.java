package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

    private static final String VISA = "4111111111111111";

    @ParameterizedTest
    @ValueSource(strings = {VISA, "5555555555554444", "123456789015", "1234567890123456785"})
    void acceptsLuhnValidNumbersOf12To19Digits(String digits) {
        Result<CardNumber> parsed = CardNumber.parse(digits);

        CardNumber card = ((Result.Ok<CardNumber>) assertInstanceOf(Result.Ok.class, parsed)).value();
        assertEquals(digits.length(), card.length());
        assertEquals(digits, card.digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678903", "12345678901234567894"})
    void refusesLuhnValidNumbersOfWrongLength(String digits) {
        assertInvalid(CardNumber.parse(digits), "must be 12 to 19 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", " 4111111111111111", "411111111111111a",
            "４１１１１１１１１１１１１１１１"})
    void refusesAnythingButAsciiDigits(String raw) {
        assertInvalid(CardNumber.parse(raw), "must contain digits only");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresANumber(String raw) {
        assertInvalid(CardNumber.parse(raw), "is required");
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertInvalid(CardNumber.parse("4111111111111112"), "is not a valid card number (check digit)");
    }

    @Test
    void namesTheFieldItWasGiven() {
        Result.Failure<CardNumber> failure = (Result.Failure<CardNumber>) CardNumber.parse("x", "card");

        assertEquals("card", failure.errors().get(0).field());
    }

    @Test
    void failuresNeverEchoTheInput() {
        Result.Failure<CardNumber> failure = (Result.Failure<CardNumber>) CardNumber.parse("4111111111111112");

        assertFalse(failure.toString().contains("4111111111111112"));
    }

    @Test
    void masksAllButTheLastFourDigitsKeepingTheLength() {
        CardNumber card = TestKeys.card(VISA);

        assertEquals("************1111", card.masked());
        assertEquals("1111", card.last4());
        assertEquals("********9015", TestKeys.card("123456789015").masked());
    }

    @Test
    void toStringIsMaskedSoItCannotLeakIntoALog() {
        CardNumber card = TestKeys.card(VISA);

        assertEquals("************1111", card.toString());
        assertFalse(("paid with " + card).contains(VISA));
    }

    @Test
    void masksAStoredNumberFromItsLengthAndLastFour() {
        assertEquals("************1111", CardNumber.mask(16, "1111"));
        assertThrows(IllegalArgumentException.class, () -> CardNumber.mask(11, "1111"));
        assertThrows(IllegalArgumentException.class, () -> CardNumber.mask(16, "111"));
    }

    @Test
    void luhnCheck() {
        assertTrue(CardNumber.passesLuhn("79927398713"));
        assertFalse(CardNumber.passesLuhn("79927398710"));
    }

    @Test
    void equalByDigits() {
        assertEquals(TestKeys.card(VISA), TestKeys.card(VISA));
        assertEquals(TestKeys.card(VISA).hashCode(), TestKeys.card(VISA).hashCode());
    }

    private static void assertInvalid(Result<CardNumber> parsed, String message) {
        Result.Failure<CardNumber> failure = assertInstanceOf(Result.Failure.class, parsed);
        assertEquals(ErrorCode.VALIDATION_FAILED, failure.code());
        assertEquals(List.of(new Result.FieldError("accountNumber", message)), failure.errors());
    }
}
