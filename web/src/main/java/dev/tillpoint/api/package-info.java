/**
 * The REST API (JAX-RS, at {@code /api/v1}): application root, JSON configuration, body-size
 * limit and the few types every audience shares.
 *
 * <p>Rules for everything under this package:
 * <ul>
 * <li>One resource class per audience and noun, in the audience's package ({@code admin},
 *     {@code client}, {@code pos}, {@code merchant}); the role check ({@code @RolesAllowed}) sits on
 *     the class.</li>
 * <li>Request and response bodies are records with the JSON names of DESIGN.md, never entities or
 *     service types; money is {@code amount}/{@code balance}/{@code openingBalance} in minor units.</li>
 * <li>The caller's id comes from the token ({@link dev.tillpoint.api.Callers}), never the body.</li>
 * <li>A list takes {@code @BeanParam} {@link dev.tillpoint.api.PageParams} and answers
 *     {@code {"items": [...], "nextCursor": "..."}}, the cursor left out on the last page.</li>
 * <li>Services answer expected outcomes with {@code Result}; resources turn them into responses
 *     only through {@link dev.tillpoint.api.problem.ResultResponses}.</li>
 * <li>No card number, PIN, code secret or key in a response after creation, a log line or an
 *     error; no Jackson exception message anywhere, as it quotes the input.</li>
 * <li>Every request pays for the pipeline, so it does each thing once: resources are
 *     {@code @ApplicationScoped} and stateless (the caller arrives as a method parameter), they call
 *     plain CDI beans where nothing begins a transaction, and their parameters are validated once,
 *     by RESTEasy ({@link dev.tillpoint.api.ValidateOnceExtension}).</li>
 * </ul>
 */
package dev.tillpoint.api;
