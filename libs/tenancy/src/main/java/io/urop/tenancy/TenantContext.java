package io.urop.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant whose data the current thread may touch. Only trusted code sets it: the verified
 * access token, the tenant an event was produced for, or onboarding for the tenant it creates;
 * never a request body or a header the client controls.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.get();
        }
        finally {
            restore(previous);
        }
    }

    /** {@link #runAs}, for work that may throw a checked exception (a call to another system), which it lets through. */
    public static <E extends Exception> void runAsChecked(UUID tenantId, CheckedWork<E> work) throws E {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            work.run();
        }
        finally {
            restore(previous);
        }
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(UUID previous) {
        if (previous == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(previous);
        }
    }

    /** Work bound to a tenant that may throw {@code E}. */
    @FunctionalInterface
    public interface CheckedWork<E extends Exception> {
        void run() throws E;
    }
}
