package dev.tillpoint.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tillpoint.api.problem.Problem;
import dev.tillpoint.api.problem.Problems;

/**
 * The REST API's root. MP-JWT bearer tokens authenticate every call (the roles are the token's
 * {@code groups}); resources and providers are found by scanning, so nothing is listed here.
 * The shared error responses are declared once as OpenAPI components and referenced by name
 * ({@link ApiDocs}) from every operation, so the document cannot drift from one place to another.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "tillpoint")
@DeclareRoles({Roles.CUSTOMER, Roles.POS, Roles.MERCHANT, Roles.ADMIN, Roles.DEVICE})
@SecurityScheme(securitySchemeName = ApiDocs.SECURITY_SCHEME, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT",
        description = "MicroProfile JWT; the roles are the token's groups claim, the caller id is its"
                + " upn, preferred_username or sub.")
@OpenAPIDefinition(
        info = @Info(title = "Tillpoint", version = "1.0.0",
                description = "Offline payments, beacon pages and social feed. Money is an integer"
                        + " count of minor units; times are ISO-8601 UTC; every error is RFC 9457"
                        + " application/problem+json with a stable code."),
        servers = @Server(url = "/"),
        tags = {
            @Tag(name = ApiDocs.TAG_ADMIN, description = "Bank set-up and operations (role admin)"),
            @Tag(name = ApiDocs.TAG_CLIENT, description = "The bank's mobile app (role customer)"),
            @Tag(name = ApiDocs.TAG_POS, description = "Point-of-sale terminals (role pos)"),
            @Tag(name = ApiDocs.TAG_MERCHANT, description = "Merchants (role merchant)"),
            @Tag(name = ApiDocs.TAG_DEVICE, description = "Beacons reading their instructions (role device)")
        },
        components = @Components(responses = {
            @APIResponse(name = ApiDocs.VALIDATION_FAILED, responseCode = "400",
                    description = "VALIDATION_FAILED: malformed JSON, a wrong type, a missing field or a"
                            + " value out of range; errors names each field",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.UNAUTHORIZED, responseCode = "401",
                    description = "UNAUTHORIZED: no bearer token, or an invalid or expired one",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.FORBIDDEN, responseCode = "403",
                    description = "FORBIDDEN: the token lacks the operation's role",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.NOT_FOUND, responseCode = "404",
                    description = "NOT_FOUND: no such resource, or not the caller's",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.DUPLICATE, responseCode = "409",
                    description = "DUPLICATE: the resource exists already",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.PAYLOAD_TOO_LARGE, responseCode = "413",
                    description = "PAYLOAD_TOO_LARGE: the body is over the configured limit (1 MiB by default)",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                    description = "UNSUPPORTED_MEDIA_TYPE: the body is not application/json",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.UNKNOWN_REFERENCE, responseCode = "422",
                    description = "UNKNOWN_REFERENCE: the body names a resource that does not exist",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.BEACON_NOT_FOUND, responseCode = "404",
                    description = "BEACON_NOT_FOUND: no active beacon answers to the id or EID, or it is not broadcasting",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocs.OUT_OF_RANGE, responseCode = "422",
                    description = "OUT_OF_RANGE: the estimated distance is beyond the beacon's preset distance;"
                            + " CHANNEL_NOT_SUPPORTED: the beacon does not broadcast on that channel",
                    content = @Content(mediaType = Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class)))
        }))
public class TillpointApplication extends Application {
}
