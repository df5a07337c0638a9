package io.urop.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import io.urop.notification.delivery.Channel;
import org.junit.jupiter.api.Test;

/** Every message the platform writes has a built-in wording in each of its channels and languages. */
class BuiltInTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates(null);

    @Test
    void everyKindHasAWordingInEachOfItsChannelsAndLanguagesThatNamesOnlyItsVariables() {
        for (MessageKind kind : MessageKind.values()) {
            for (Channel channel : kind.channels()) {
                for (String language : kind.languages()) {
                    Wording wording = templates.builtIn(kind, channel, language);
                    String which = kind.wireName() + " by " + channel + " in " + language;
                    assertThat(wording.body()).as(which).isNotBlank();
                    assertThat(wording.subject() != null).as(which + " has a subject").isEqualTo(channel == Channel.EMAIL);
                    assertThatCode(() -> {
                        MessageTemplates.check(kind, "subject", wording.subject());
                        MessageTemplates.check(kind, "body", wording.body());
                    }).as(which).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void noMessageIsLongerThanItsCapHoweverLongItsLists() {
        Map<String, Object> values = new HashMap<>(MessageKind.RECEIPT.example());
        values.put("lines", Collections.nCopies(20_000,
                Map.of("quantity", 1, "name", "Espresso", "unitPrice", "€2.00", "total", "€2.00")));

        String text = templates.builtIn(MessageKind.RECEIPT, Channel.EMAIL, "en").render(MessageTemplates.WRITING,
                values).text();

        assertThat(text).hasSize(Wording.MAX_TEXT).startsWith("Hello,");
    }

    @Test
    void aValueShowsNothingOfTheObjectBehindIt() {
        Wording probing = new Wording("{{restaurant.class}}", "{{restaurant.class.name}}|{{restaurant.bytes}}|");

        Written written = probing.render(MessageTemplates.WRITING, MessageKind.RECEIPT.example());

        assertThat(written.subject()).isEmpty();
        assertThat(written.text()).isEqualTo("||");
    }

    @Test
    void anEmptyValueHidesItsSectionAndListsRepeatTheirLines() {
        Map<String, Object> values = new HashMap<>(MessageKind.RECEIPT.example());
        values.put("tip", "");
        values.put("serviceCharge", "");

        String text = templates.builtIn(MessageKind.RECEIPT, Channel.EMAIL, "en")
                .render(MessageTemplates.WRITING, values)
                .text();

        assertThat(text).contains("2 × Margherita at €9.50: €19.00\n1 × Tiramisu at €6.00: €6.00\n",
                "Total: €26.25, tax included: €2.27\nPaid: €28.75").doesNotContain("Tip", "Service charge", "{{");
    }
}
