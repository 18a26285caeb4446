package dev.tillpoint.api.pos;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource whose caller must be a registered, active terminal ({@link ActiveTerminalFilter}).
 * Every POS resource carries it; a name binding rather than a path test, so a new POS resource
 * states the rule where it is read.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ActiveTerminalRequired {
}
