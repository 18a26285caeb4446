package dev.tillpoint.api;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;

/**
 * The paging parameters every list takes (DESIGN.md, "Architecture"), declared and documented once:
 * a list resource takes them as {@code @BeanParam PageParams page}.
 *
 * <p>Both arrive as strings and {@link PageRequest#parse} reads them, because JAX-RS answers a
 * query parameter that does not convert to its Java type ({@code limit=abc} for an int) with 404,
 * where the contract wants 400 VALIDATION_FAILED naming the parameter.
 */
public class PageParams {

    @QueryParam(PageRequest.LIMIT)
    @Parameter(description = "The most items on the page, 1 to " + PageRequest.MAX_LIMIT + "; "
            + PageRequest.DEFAULT_LIMIT + " when absent. Anything else is a 400 naming limit.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + PageRequest.MAX_LIMIT,
                    defaultValue = "" + PageRequest.DEFAULT_LIMIT))
    private String limit;

    @QueryParam(PageRequest.CURSOR)
    @Parameter(description = "The nextCursor of the previous page, as it was; absent for the first page. Opaque and"
            + " valid only for the same list and caller: any other value is a 400 naming cursor.",
            schema = @Schema(type = SchemaType.STRING))
    private String cursor;

    /** The page asked for, or VALIDATION_FAILED on limit; the cursor is checked by the list's service. */
    public Result<PageRequest> toRequest() {
        return PageRequest.parse(limit, cursor);
    }
}
