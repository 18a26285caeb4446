package dev.tillpoint.it;

import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Card numbers (PANs) for the tests: random, so every test creates its own cards, and with a
 * Luhn check digit computed here (ISO/IEC 7812-1), so validity is under the test's control.
 */
final class Cards {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Every number handed out in this test JVM, so that the last test can look for all of them in the logs. */
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private Cards() {
    }

    /** A random Luhn-valid card number of {@code length} digits (never starting with 0). */
    static String luhnValid(int length) {
        StringBuilder digits = new StringBuilder(length);
        digits.append((char) ('1' + RANDOM.nextInt(9)));
        while (digits.length() < length - 1) {
            digits.append((char) ('0' + RANDOM.nextInt(10)));
        }
        String card = digits.append(checkDigit(digits)).toString();
        ISSUED.add(card);
        return card;
    }

    /** The card numbers {@link #luhnValid} and {@link #luhnInvalid} have handed out so far. */
    static Set<String> issued() {
        return Set.copyOf(ISSUED);
    }

    /** A random number of {@code length} digits whose last digit is NOT the Luhn check digit. */
    static String luhnInvalid(int length) {
        String valid = luhnValid(length);
        int check = valid.charAt(length - 1) - '0';
        String invalid = valid.substring(0, length - 1) + (char) ('0' + (check + 1) % 10);
        ISSUED.add(invalid);
        return invalid;
    }

    /** The Luhn check digit for {@code payload}: every second digit from the right is doubled. */
    static char checkDigit(CharSequence payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static boolean isLuhnValid(String number) {
        return number.length() > 1
                && number.chars().allMatch(c -> c >= '0' && c <= '9')
                && checkDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1);
    }

    static String lastFour(String card) {
        return card.substring(card.length() - 4);
    }
}
