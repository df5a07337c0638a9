package io.urop.stripe.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An object of the API: it belongs to the account it was created on and is listed newest first. */
abstract class ApiObject {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    final String id;
    final String accountId;
    final long created;
    /** Orders objects created within the same second, which {@code created} cannot. */
    final long sequence = SEQUENCE.incrementAndGet();

    ApiObject(String id, String accountId, long created) {
        this.id = id;
        this.accountId = accountId;
        this.created = created;
    }

    abstract String objectName();

    abstract Map<String, Object> toJson();

    /** The fields every object carries, in Stripe's order: id, object, then the object's own fields. */
    Map<String, Object> header() {
        return Json.object(objectName(), id);
    }
}
