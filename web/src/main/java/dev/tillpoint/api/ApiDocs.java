package dev.tillpoint.api;

/**
 * Names shared by the OpenAPI annotations: the security scheme, the tags and the reusable error
 * responses declared on {@link TillpointApplication}. Constants, because annotation values must be
 * compile-time constants and a misspelt reference would silently produce a dangling {@code $ref}.
 */
public final class ApiDocs {

    public static final String SECURITY_SCHEME = "jwt";

    public static final String TAG_ADMIN = "admin";
    public static final String TAG_CLIENT = "client";
    public static final String TAG_POS = "pos";
    public static final String TAG_MERCHANT = "merchant";
    public static final String TAG_DEVICE = "device";

    public static final String VALIDATION_FAILED = "ValidationFailed";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String DUPLICATE = "Duplicate";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNKNOWN_REFERENCE = "UnknownReference";
    public static final String BEACON_NOT_FOUND = "BeaconNotFound";
    public static final String OUT_OF_RANGE = "OutOfRange";

    /** The {@code Location} header of a 201 whose created thing can be read back with GET. */
    public static final String LOCATION = "Location";
    public static final String LOCATION_DESCRIPTION = "The created resource's URI; GET it to read it back";

    /** The {@code nextCursor} of every paged list. */
    public static final String NEXT_CURSOR = "Pass as cursor to get the next page; present only while more items remain";

    private ApiDocs() {
    }
}
