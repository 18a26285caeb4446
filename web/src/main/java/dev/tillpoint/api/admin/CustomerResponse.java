package dev.tillpoint.api.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.customers.CustomerView;

/** A registered customer. */
@Schema(name = "Customer")
public record CustomerResponse(String id, String name) {

    static CustomerResponse from(CustomerView view) {
        return new CustomerResponse(view.id(), view.name());
    }
}
