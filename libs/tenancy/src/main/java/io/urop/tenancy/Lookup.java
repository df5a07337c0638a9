package io.urop.tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Binds the one key (an email, a token hash) that the {@code lookup_by_*} row-level security policies
 * let the current transaction read by, before its tenant is known. Local to the transaction, like the
 * tenant binding.
 */
public final class Lookup {

    private Lookup() {
    }

    public static void bind(JdbcClient jdbc, String key) {
        jdbc.sql("select set_config('app.lookup', ?, true)").param(key).query(String.class).single();
    }
}
