package io.urop.notification.template;

import java.util.List;

/**
 * A message's template as a tenant's owner sees it.
 *
 * @param channel   {@code email} or {@code sms}
 * @param subject   an email's; null for an SMS
 * @param custom    whether it is the tenant's own wording rather than the built-in one
 * @param variables what the template may name ({@code {{restaurant}}}; lists such as {@code items} as sections)
 */
public record TemplateView(String kind, String channel, String language, String subject, String body, boolean custom,
        List<String> variables) {
}
