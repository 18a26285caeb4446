/**
 * Resources for point-of-sale terminals (role {@code pos}). The caller is the terminal; its merchant
 * comes from the server's records, never from the request.
 *
 * <p>Rules: every resource carries {@link dev.tillpoint.api.pos.ActiveTerminalRequired}, so a token
 * naming an unknown or deactivated terminal is 403 before any body is read.
 */
package dev.tillpoint.api.pos;
