package dev.tillpoint.api.pos;

import dev.tillpoint.payments.PosTerminal;
import jakarta.enterprise.context.RequestScoped;

/**
 * The terminal a POS request comes from, resolved once by {@link ActiveTerminalFilter} before the
 * resource runs; the resources hand it to the services as it is.
 */
@RequestScoped
public class CallingTerminal {

    private PosTerminal terminal;

    void resolved(PosTerminal terminal) {
        this.terminal = terminal;
    }

    /** @throws IllegalStateException on a resource the filter does not guard: a wiring bug */
    public PosTerminal get() {
        if (terminal == null) {
            throw new IllegalStateException("No terminal was resolved for this request: is the resource @ActiveTerminalRequired?");
        }
        return terminal;
    }
}
