package io.urop.notification.template;

import java.util.List;

import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How a restaurant words the messages its diners and staff get, per message, channel and language. */
@RestController
@RequestMapping("/api/v1/notifications/templates")
class TemplateController {

    private final MessageTemplates templates;

    TemplateController(MessageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<TemplateView> templates() {
        return templates.all(CurrentUser.require());
    }

    @PutMapping("/{kind}/{channel}/{language}")
    TemplateView word(@PathVariable String kind, @PathVariable String channel, @PathVariable String language,
            @RequestBody OwnWording wording) {
        return templates.save(CurrentUser.require(), kind, channel, language, wording.subject(), wording.body());
    }

    /** Back to the built-in wording. */
    @DeleteMapping("/{kind}/{channel}/{language}")
    TemplateView reset(@PathVariable String kind, @PathVariable String channel, @PathVariable String language) {
        return templates.reset(CurrentUser.require(), kind, channel, language);
    }

    /** @param subject an email's; none for an SMS */
    record OwnWording(String subject, String body) {
    }
}
