package dev.tillpoint.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

    @Test
    void answersTheContainersStatusAsAProblem() {
        Problem unauthorized = ErrorPageServlet.problemFor(401);
        assertEquals(401, unauthorized.status());
        assertEquals("UNAUTHORIZED", unauthorized.code());
        assertEquals("/problems/unauthorized", unauthorized.type());
        assertNull(unauthorized.errors());

        assertEquals("NOT_FOUND", ErrorPageServlet.problemFor(404).code());
        assertEquals("PAYLOAD_TOO_LARGE", ErrorPageServlet.problemFor(413).code());
        assertEquals("INTERNAL_ERROR", ErrorPageServlet.problemFor(500).code());
    }

    @Test
    void aBadRequestNamesTheRequestAsTheFieldAtFault() {
        Problem problem = ErrorPageServlet.problemFor(400);
        assertEquals(List.of(new ProblemField("request", "is not valid")), problem.errors());
    }

    @Test
    void theErrorPageRequestedDirectlyIsNotFound() {
        assertEquals(404, ErrorPageServlet.problemFor(null).status());
        assertEquals(404, ErrorPageServlet.problemFor("401").status());
    }
}
