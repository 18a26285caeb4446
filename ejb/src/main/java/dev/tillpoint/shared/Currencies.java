package dev.tillpoint.shared;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The currencies the bank operates in: a configured allow-list of ISO 4217 codes. The bank keeps a
 * funding and a payout account per allowed currency.
 */
@Dependent
public class Currencies {

    public static final String PROPERTY = "tillpoint.currencies";
    public static final String DEFAULT = "EUR,USD,GBP,CNY,JPY";

    /** An ISO 4217 alphabetic code's shape; whether the bank allows it is {@link #isAllowed}. */
    public static final String REGEX = "[A-Z]{3}";
    public static final String MESSAGE = "must be a three-letter ISO 4217 code";
    private static final Pattern CODE = Pattern.compile(REGEX);

    private final Set<String> allowed;
    private final List<String> inConfiguredOrder;

    @Inject
    Currencies(@ConfigProperty(name = PROPERTY, defaultValue = DEFAULT) String configured) {
        this(Arrays.stream(configured.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList());
    }

    /**
     * @throws IllegalStateException when a code is not three upper-case letters, so that a typo in
     *                               the configuration fails the deployment instead of a payment
     */
    public Currencies(Collection<String> codes) {
        Set<String> checked = new LinkedHashSet<>();
        for (String code : codes) {
            if (!isWellFormed(code)) {
                throw new IllegalStateException(PROPERTY + " lists '" + code + "', which is not three upper-case letters");
            }
            checked.add(code);
        }
        if (checked.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " lists no currency");
        }
        this.allowed = Set.copyOf(checked);
        this.inConfiguredOrder = List.copyOf(checked);
    }

    /** Whether {@code code} is on the allow-list; codes are case-sensitive ({@code eur} is not). */
    public boolean isAllowed(String code) {
        return code != null && allowed.contains(code);
    }

    /** The allowed codes in configured order. */
    public List<String> all() {
        return inConfiguredOrder;
    }

    /** Whether {@code code} has the shape of an ISO 4217 code: three upper-case letters. */
    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
