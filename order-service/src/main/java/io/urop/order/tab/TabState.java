package io.urop.order.tab;

/**
 * Where a table session's tab is. {@code OPEN} while the party orders or owes; {@code SETTLED} once its bill is paid,
 * or once the session ended with nothing left to pay (every order paid as it was placed, or none charged); an order
 * that makes a settled tab owe again opens it again. {@code MERGED} once its session was merged into another: its
 * orders are on that session's tab, which its diners see from then on.
 */
public enum TabState {
    OPEN,
    SETTLED,
    MERGED
}
