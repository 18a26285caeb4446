package dev.tillpoint.api;

import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.Ids;

/**
 * The input rules of DESIGN.md as Bean Validation patterns and limits, so every request record and
 * path parameter states them the same way. The messages never quote the rejected value: a wrong
 * card number or PIN must not come back in an error body.
 */
public final class InputRules {

    /** Ids in paths and bodies. */
    public static final String ID = Ids.REGEX;
    public static final String ID_MESSAGE = Ids.MESSAGE;

    /** ISO 4217 alphabetic code; whether the bank allows it is the service's rule. */
    public static final String CURRENCY = Currencies.REGEX;
    public static final String CURRENCY_MESSAGE = Currencies.MESSAGE;

    /** A card number's shape only; the service checks Luhn. */
    public static final String CARD_NUMBER = "[0-9]{12,19}";
    public static final String CARD_NUMBER_MESSAGE = "must be 12 to 19 digits";

    public static final String PIN = "[0-9]{6}";
    public static final String PIN_MESSAGE = "must be 6 digits";

    public static final int NAME_MAX = 200;

    /** Upper bound of an opening balance in minor units (10 billion in a two-decimal currency). */
    public static final long OPENING_BALANCE_MAX = 1_000_000_000_000L;

    /** Idempotency keys of POS requests (DESIGN.md: 1-64 characters). */
    public static final int IDEMPOTENCY_KEY_MAX = 64;

    private InputRules() {
    }
}
