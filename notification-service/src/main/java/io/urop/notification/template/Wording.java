package io.urop.notification.template;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

import com.samskivert.mustache.Mustache;

/** A message's template: an email's subject and text, or an SMS's text (no subject). */
record Wording(String subject, String body) {

    /** No message is longer: what a template would write beyond it is cut off. */
    static final int MAX_TEXT = 50_000;

    Written render(Mustache.Compiler compiler, Map<String, ?> values) {
        return new Written(subject == null ? null : render(compiler, subject, values), render(compiler, body, values));
    }

    private static String render(Mustache.Compiler compiler, String template, Map<String, ?> values) {
        StringWriter text = new StringWriter();
        try {
            compiler.compile(template).execute(values, new BoundedWriter(text));
        }
        catch (BoundedWriter.Full full) {
            // the text so far is the message
        }
        return text.toString();
    }

    /** Stops a template at {@link #MAX_TEXT} characters, however many times its sections repeat. */
    private static final class BoundedWriter extends Writer {

        private final StringWriter out;

        BoundedWriter(StringWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            int room = MAX_TEXT - out.getBuffer().length();
            out.write(chars, offset, Math.min(room, length));
            if (length > room) {
                throw new Full();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        static final class Full extends RuntimeException {

            Full() {
                super(null, null, false, false);
            }
        }
    }
}
