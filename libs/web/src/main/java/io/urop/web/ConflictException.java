package io.urop.web;

/** The request is well-formed but clashes with the current state (a taken slug, an illegal transition). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
