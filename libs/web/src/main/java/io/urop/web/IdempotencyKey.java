package io.urop.web;


/**
 * The {@code Idempotency-Key} a client sends with a creating POST: any string of 1 to 255 visible ASCII characters
 * (a UUID, typically), fresh for each thing the client means to create and the same on every retry of it.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";

    private static final int MAX_LENGTH = 255;

    /** @throws InvalidFieldException 400 when it is missing or not a usable key */
    public static IdempotencyKey of(String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidFieldException(HEADER, "is required: send a fresh key (a UUID) with each new request, "
                    + "and the same key when you retry it");
        }
        if (header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidFieldException(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        return new IdempotencyKey(header);
    }
}
