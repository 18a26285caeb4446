package dev.tillpoint.api;

import java.io.IOException;

/**
 * A request body went past the limit of {@link BodySizeLimitFilter}. An {@link IOException}
 * because it is thrown from {@code InputStream.read} in the middle of Jackson's parsing: Jackson
 * passes plain I/O errors through unwrapped, RESTEasy wraps them in its ReaderException and then
 * hands the cause to {@code PayloadTooLargeExceptionMapper} (413).
 */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
