package io.urop.notification.template;

import java.util.Map;

import com.samskivert.mustache.Mustache;

/** A message's template: an email's subject and text, or an SMS's text (no subject). */
record Wording(String subject, String body) {

    Written render(Mustache.Compiler compiler, Map<String, ?> values) {
        String text = compiler.compile(body).execute(values);
        return new Written(subject == null ? null : compiler.compile(subject).execute(values), text);
    }
}
