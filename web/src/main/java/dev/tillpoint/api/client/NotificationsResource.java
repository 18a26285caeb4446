package dev.tillpoint.api.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.PageParams;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.notifications.NotificationService;

/** Customer: what the phone is told of payments, reversals and refunds on the caller's accounts. */
@Path("notifications")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class NotificationsResource {

    @EJB
    private NotificationService notifications;

    @GET
    @Operation(summary = "My notifications",
            description = "Role: customer. One item per payment approved, reversed or refunded on the caller's"
                    + " accounts, oldest first, one page at a time. Written from the payment-events topic, so an"
                    + " event shows here shortly after it happened.")
    @APIResponse(responseCode = "200", description = "A page of the caller's notifications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String customerId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> notifications.notificationsOf(customerId, request)),
                NotificationList::from);
    }
}
