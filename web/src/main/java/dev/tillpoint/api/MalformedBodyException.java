package dev.tillpoint.api;

import java.io.IOException;

/**
 * A request body that is not well-formed UTF-8 ({@link StrictUtf8InputStream}). An
 * {@link IOException} for the same reason as {@link PayloadTooLargeException}: it is thrown from
 * inside Jackson's reading, which passes I/O errors through, and mapped to 400 by
 * {@code MalformedBodyExceptionMapper}. Its message is fixed and never quotes the body.
 */
public class MalformedBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedBodyException() {
        super("Request body is not well-formed UTF-8");
    }
}
