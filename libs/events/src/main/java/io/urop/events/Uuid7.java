package io.urop.events;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** UUID version 7 identifiers for events and entities: random, yet sorted by creation time. */
public final class Uuid7 {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Uuid7() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
