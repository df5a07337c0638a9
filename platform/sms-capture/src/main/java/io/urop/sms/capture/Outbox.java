package io.urop.sms.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The messages kept, in the order they were accepted, and the outage the next sends meet, if any. */
final class Outbox {

    private final List<CapturedSms> messages = new ArrayList<>();
    private int failingCalls;
    private int failureStatus;

    synchronized CapturedSms keep(CapturedSms message) {
        messages.add(message);
        return message;
    }

    synchronized List<CapturedSms> all() {
        return List.copyOf(messages);
    }

    synchronized List<CapturedSms> newestFirst() {
        List<CapturedSms> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized Optional<CapturedSms> find(String sid) {
        return messages.stream().filter(message -> message.sid().equals(sid)).findFirst();
    }

    synchronized void failNext(int calls, int status) {
        failingCalls = calls;
        failureStatus = status;
    }

    /** The refusal of a send during an outage; each such answer uses up one of the failing calls. */
    synchronized Optional<Refusal> outage() {
        if (failingCalls == 0) {
            return Optional.empty();
        }
        failingCalls--;
        return Optional.of(Refusal.unavailable(failureStatus));
    }

    synchronized void clear() {
        messages.clear();
        failingCalls = 0;
    }
}
