package io.urop.test.tokens;

/** A token a verifier must refuse, and why. */
public record RefusedToken(String why, String token) {

    @Override
    public String toString() {
        return why;
    }
}
