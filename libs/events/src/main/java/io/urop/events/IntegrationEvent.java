package io.urop.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an integration event contract and gives its wire name. The wire name is
 * this {@code type}, never the Java class name; a breaking change is a new {@code version}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface IntegrationEvent {

    /** The wire name, {@code <producer area>.<past-tense verb>}, e.g. {@code tenant.created}. */
    String type();

    int version() default 1;
}
