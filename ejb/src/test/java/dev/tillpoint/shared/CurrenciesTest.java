package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrenciesTest {

    @Test
    void theDefaultListAllowsTheFiveDefaultCurrencies() {
        Currencies currencies = new Currencies(Currencies.DEFAULT);

        assertEquals(List.of("EUR", "USD", "GBP", "CNY", "JPY"), currencies.all());
        assertTrue(currencies.isAllowed("JPY"));
        assertFalse(currencies.isAllowed("CHF"));
    }

    @Test
    void codesAreCaseSensitiveAndNullIsNotAllowed() {
        Currencies currencies = new Currencies(List.of("EUR"));

        assertFalse(currencies.isAllowed("eur"));
        assertFalse(currencies.isAllowed(null));
    }

    @Test
    void toleratesSpacesAndEmptyEntriesInTheConfiguredList() {
        assertEquals(List.of("EUR", "CHF"), new Currencies(" EUR , CHF,, EUR ").all());
    }

    @Test
    void aMalformedConfiguredCodeFailsNamingTheProperty() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new Currencies("EUR,Usd"));

        assertTrue(failure.getMessage().contains(Currencies.PROPERTY));
        assertThrows(IllegalStateException.class, () -> new Currencies(" , "));
    }

    @Test
    void wellFormedMeansThreeUpperCaseLetters() {
        assertTrue(Currencies.isWellFormed("XAU"));
        assertFalse(Currencies.isWellFormed("EU"));
        assertFalse(Currencies.isWellFormed("EURO"));
        assertFalse(Currencies.isWellFormed("E1R"));
    }
}
