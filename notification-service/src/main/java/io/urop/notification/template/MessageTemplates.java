package io.urop.notification.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import io.urop.contracts.Role;
import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Message;
import io.urop.notification.template.TemplateStore.TenantWording;
import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages from their templates: the tenant's own wording of a message in the recipient's language when it has
 * one, else the built-in wording ({@code messages/<kind>/<channel>.<language>.txt}: for an email, a
 * {@code Subject:} line, a blank line and the text), in English when the message is not written in that language.
 * Templates are Mustache, without HTML escaping (every message is plain text). A tenant's wording is checked
 * against the message's variables before it is kept; a message is written even if a variable were missing, as empty.
 */
@Service
public class MessageTemplates {

    static final int MAX_SUBJECT = 200;
    static final int MAX_EMAIL_BODY = 10_000;
    // Twilio's limit for a message's body
    static final int MAX_SMS_BODY = 1_600;

    private static final String SUBJECT = "Subject: ";

    /** How deep a tenant's sections may nest: a list within a section is enough for any message. */
    static final int MAX_SECTION_DEPTH = 2;

    // an empty value (no tip, no service charge) hides its section
    static final Mustache.Compiler WRITING = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
            .defaultValue("").withCollector(new MapsAndLists());
    private static final Mustache.Compiler CHECKING = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
            .strictSections(true).withCollector(new MapsAndLists());

    private static final Pattern SECTION_TAG = Pattern.compile("\\{\\{\\s*([#^/])\\s*([^}]*?)\\s*}}");

    private final Map<String, Wording> builtIn = new ConcurrentHashMap<>();
    private final TemplateStore store;

    MessageTemplates(TemplateStore store) {
        this.store = store;
    }

    /**
     * Writes a message of a tenant's to one recipient, in the given language or, when the message is not written in
     * it, in English.
     */
    @Transactional(readOnly = true)
    public Message write(UUID tenantId, MessageKind kind, Channel channel, String language, String to,
            Map<String, ?> values) {
        String writtenIn = kind.isWrittenIn(channel, language) ? language : Languages.DEFAULT;
        Optional<Wording> tenants = kind.tenantWorded() ? store.find(tenantId, kind, channel, writtenIn)
                : Optional.empty();
        Written written = tenants.orElseGet(() -> builtIn(kind, channel, writtenIn)).render(WRITING, values);
        return new Message(tenantId, kind.wireName(), channel, to, written.subject(), written.text());
    }

    /** Every message a tenant may word its own way, in each of its channels and languages, as it is worded now. */
    @Transactional(readOnly = true)
    public List<TemplateView> all(CurrentUser user) {
        UUID tenantId = requireManager(user);
        List<TenantWording> own = store.all(tenantId);
        List<TemplateView> views = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            if (!kind.tenantWorded()) {
                continue;
            }
            for (Channel channel : new TreeSet<>(kind.channels())) {
                for (String language : kind.languages()) {
                    Optional<Wording> tenants = own.stream().filter(wording -> wording.kind().equals(kind.wireName())
                            && wording.channel() == channel && wording.language().equals(language))
                            .map(TenantWording::wording).findFirst();
                    views.add(view(kind, channel, language, tenants.orElseGet(() -> builtIn(kind, channel, language)),
                            tenants.isPresent()));
                }
            }
        }
        return views;
    }

    /** Keeps a tenant's own wording of a message in one language, once it checks against the message's variables. */
    @Transactional
    public TemplateView save(CurrentUser user, String kindName, String channelName, String language, String subject,
            String body) {
        UUID tenantId = requireManager(user);
        MessageKind kind = tenantWorded(kindName, channelName, language);
        Channel channel = channelOf(channelName);
        Wording wording = checked(kind, channel, subject, body);
        store.save(tenantId, kind, channel, language, wording, user.subject());
        return view(kind, channel, language, wording, true);
    }

    /** Goes back to the built-in wording. */
    @Transactional
    public TemplateView reset(CurrentUser user, String kindName, String channelName, String language) {
        UUID tenantId = requireManager(user);
        MessageKind kind = tenantWorded(kindName, channelName, language);
        Channel channel = channelOf(channelName);
        store.delete(tenantId, kind, channel, language);
        return view(kind, channel, language, builtIn(kind, channel, language), false);
    }

    private static Wording checked(MessageKind kind, Channel channel, String subject, String body) {
        if (channel == Channel.EMAIL && (subject == null || subject.isBlank())) {
            throw new InvalidFieldException("subject", "is required for an email");
        }
        if (channel == Channel.SMS && subject != null && !subject.isBlank()) {
            throw new InvalidFieldException("subject", "must be empty: an SMS has none");
        }
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new InvalidFieldException("subject", "must be at most " + MAX_SUBJECT + " characters");
        }
        int maxBody = channel == Channel.SMS ? MAX_SMS_BODY : MAX_EMAIL_BODY;
        if (body == null || body.isBlank() || body.length() > maxBody) {
            throw new InvalidFieldException("body", "must have 1 to " + maxBody + " characters");
        }
        Wording wording = new Wording(channel == Channel.EMAIL ? subject.strip() : null, body);
        check(kind, "subject", wording.subject());
        check(kind, "body", wording.body());
        return wording;
    }

    static void check(MessageKind kind, String field, String template) {
        if (template == null) {
            return;
        }
        checkNesting(field, template);
        try {
            CHECKING.compile(template).execute(kind.example());
        }
        catch (MustacheException.Context e) {
            throw new InvalidFieldException(field, "names {{" + e.key + "}}, which " + article(kind) + " "
                    + kind.wireName() + " message does not have; it may name " + String.join(", ",
                    new TreeSet<>(kind.example().keySet())));
        }
        catch (MustacheException e) {
            throw new InvalidFieldException(field, "is not a valid template: " + e.getMessage());
        }
    }

    /**
     * Sections nest {@value #MAX_SECTION_DEPTH} deep at most, and never within one of the same name: Mustache looks a
     * name up in the enclosing sections too, so {@code {{#items}}{{#items}}...} walks the list once for each of its
     * lines, and deeper still, once more for each.
     */
    private static void checkNesting(String field, String template) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = SECTION_TAG.matcher(template);
        while (tag.find()) {
            String name = tag.group(2);
            if (!tag.group(1).equals("/")) {
                if (open.contains(name) || open.size() == MAX_SECTION_DEPTH) {
                    throw new InvalidFieldException(field, "nests {{#" + name + "}} too deep: sections go "
                            + MAX_SECTION_DEPTH + " deep at most, never within one of the same name");
                }
                open.push(name);
            }
            else if (!open.isEmpty()) {
                open.pop();
            }
        }
    }

    Wording builtIn(MessageKind kind, Channel channel, String language) {
        String path = "messages/" + kind.wireName() + "/" + channel.name().toLowerCase(Locale.ROOT) + "." + language
                + ".txt";
        return builtIn.computeIfAbsent(path, ignored -> read(path, channel));
    }

    private static Wording read(String path, Channel channel) {
        String text;
        try {
            text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("No built-in template " + path, e);
        }
        if (channel == Channel.SMS) {
            return new Wording(null, text.strip());
        }
        int endOfSubject = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfSubject < 0) {
            throw new IllegalStateException(path + " does not start with a Subject: line");
        }
        return new Wording(text.substring(SUBJECT.length(), endOfSubject).strip(),
                text.substring(endOfSubject + 1).stripLeading());
    }

    private static TemplateView view(MessageKind kind, Channel channel, String language, Wording wording,
            boolean tenants) {
        return new TemplateView(kind.wireName(), channel.name().toLowerCase(Locale.ROOT), language, wording.subject(),
                wording.body(), tenants, List.copyOf(new TreeSet<>(kind.example().keySet())));
    }

    private static MessageKind tenantWorded(String kindName, String channelName, String language) {
        return MessageKind.ofWireName(kindName)
                .filter(MessageKind::tenantWorded)
                .filter(kind -> kind.isWrittenIn(channelOf(channelName), language))
                .orElseThrow(() -> new NotFoundException("No such template: " + kindName + " by " + channelName
                        + " in " + language));
    }

    private static Channel channelOf(String name) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equalsIgnoreCase(name)) {
                return channel;
            }
        }
        throw new NotFoundException("No such channel: " + name);
    }

    private static UUID requireManager(CurrentUser user) {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Only the restaurant's owner and managers word its messages");
        }
        return user.requireTenant();
    }

    private static String article(MessageKind kind) {
        return "aeiou".indexOf(kind.wireName().charAt(0)) >= 0 ? "an" : "a";
    }
}
