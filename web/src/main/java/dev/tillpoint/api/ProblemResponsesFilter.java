package dev.tillpoint.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every operation shares, so that no resource has to repeat them and
 * none can forget them: every endpoint is behind a bearer JWT (401, 403); one that takes a body or
 * parameters can refuse them (400), and one that takes a body refuses it oversized or in another
 * media type (413, 415). Resources still declare the answers peculiar to them (404, 409, 422...).
 * Registered with {@code mp.openapi.filter} in the WAR's microprofile-config.properties.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesBody = operation.getRequestBody() != null;
        boolean takesParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        addUnlessDeclared(responses, "401", ApiDocs.UNAUTHORIZED);
        addUnlessDeclared(responses, "403", ApiDocs.FORBIDDEN);
        if (takesBody || takesParameters) {
            addUnlessDeclared(responses, "400", ApiDocs.VALIDATION_FAILED);
        }
        if (takesBody) {
            addUnlessDeclared(responses, "413", ApiDocs.PAYLOAD_TOO_LARGE);
            addUnlessDeclared(responses, "415", ApiDocs.UNSUPPORTED_MEDIA_TYPE);
        }
        return operation;
    }

    private static void addUnlessDeclared(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }
}
