package dev.tillpoint.api;

import java.io.IOException;

/**
 * The request body could not be read to its end: the client closed the connection mid-body, or
 * stopped sending until the listener's read timeout dropped it. The client's doing, not a fault of
 * the server, so it is answered 400 (if anyone is still listening) and not logged as an error.
 */
public class BodyUnreadableException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyUnreadableException(IOException cause) {
        super("Request body could not be read to its end", cause);
    }
}
