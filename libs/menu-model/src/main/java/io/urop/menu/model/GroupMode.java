package io.urop.menu.model;

/**
 * Whether a diner must choose from a modifier group. {@code REQUIRED} groups have {@code min >= 1};
 * the optional modes have {@code min == 0} and differ only in display: {@code OPTIONAL_ALWAYS_SHOWN}
 * is rendered expanded instead of behind an "add extras" link.
 */
public enum GroupMode {
    REQUIRED,
    OPTIONAL,
    OPTIONAL_ALWAYS_SHOWN
}
