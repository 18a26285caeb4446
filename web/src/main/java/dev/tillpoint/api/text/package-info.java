/**
 * The text rule of DESIGN.md "Errors", stated once ({@link dev.tillpoint.api.text.Text}) and
 * applied where text enters the API, so that no field can forget it.
 *
 * <p>Text fields refuse control characters (U+0000-001F, U+007F-009F) and unpaired surrogates;
 * free text (a summary, description, comment text, reason, {@code order.description}) keeps tab
 * and line feed. A NUL reaching PostgreSQL is a 500, a lone surrogate cannot be encoded at all, and
 * control characters in names end up in logs, CSV files and other people's screens.
 *
 * <p>Where the rule is applied, and why there rather than as a Bean Validation constraint on each
 * record component:
 * <ul>
 * <li><b>Bodies</b>: Jackson reads every {@code String} of every request body through
 *     {@link dev.tillpoint.api.text.TextDeserializers}. The default is the strict single-line rule,
 *     and free text is the exception a field opts into with {@link dev.tillpoint.shared.FreeText}.
 *     A field that forgets an annotation is therefore stricter, never looser, and ids, names, list
 *     elements and fields added later are covered without anyone remembering to. The failure names
 *     the field by its JSON path like every other body error (400 VALIDATION_FAILED).</li>
 * <li><b>Query parameters and the {@code Idempotency-Key} header</b>: Jackson never sees them, so
 *     {@link dev.tillpoint.api.text.TextParametersFilter} checks every query parameter and that
 *     header against the same single-line rule, after the role check (401 and 403 come first) and
 *     before any resource runs; the error names the parameter.</li>
 * <li>Path parameters are ids, whose pattern ({@code [A-Za-z0-9_-]{1,64}}) already admits no
 *     control character.</li>
 * <li>The bytes themselves: a body must be well-formed UTF-8
 *     ({@link dev.tillpoint.api.StrictUtf8InputStream}), and a percent-encoded request URI too
 *     ({@link dev.tillpoint.api.problem.RequestLineFilter}), so an overlong {@code C0 AF} is refused
 *     instead of being decoded as {@code /} by a lenient decoder.</li>
 * </ul>
 * Lengths and patterns stay Bean Validation constraints on the records (one bound, one place).
 */
package dev.tillpoint.api.text;
