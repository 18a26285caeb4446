/**
 * The one-time security codes of offline payments: RFC 6238 TOTP (HMAC-SHA256, 8 digits, 30 s,
 * T0 = 0) and the code secrets behind them.
 *
 * <p>Invariants: a secret is 256 random bits, leaves the server once (Base32, in the authorization's
 * creation answer) and is otherwise only stored AES-GCM-encrypted, bound to its authorization's id;
 * codes are compared in constant time; nothing here logs or prints a secret or a code.
 */
package dev.tillpoint.payments.codes;
