package io.urop.notification.orders;

import java.util.UUID;

import io.urop.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where to tell someone that an order is ready, and where to send its receipt. */
@RestController
@RequestMapping("/api/v1/notifications/orders/{orderId}/contact")
class OrderNoticeController {

    private final OrderNotices notices;

    OrderNoticeController(OrderNotices notices) {
        this.notices = notices;
    }

    /** The language is the request's, else the {@code Accept-Language} header's; English when it is neither. */
    @PutMapping
    ContactView give(@PathVariable UUID orderId, @Valid @RequestBody ContactRequest contact,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return ContactView.of(notices.give(CurrentUser.require(), orderId, contact.email(), contact.phone(),
                contact.language() != null ? contact.language() : firstOf(acceptLanguage)));
    }

    @GetMapping
    ContactView read(@PathVariable UUID orderId) {
        return ContactView.of(notices.read(CurrentUser.require(), orderId));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID orderId) {
        notices.withdraw(CurrentUser.require(), orderId);
    }

    private static String firstOf(String acceptLanguage) {
        return acceptLanguage == null ? null : acceptLanguage.split("[,;]")[0];
    }

    /**
     * @param phone    in E.164, e.g. {@code +33612345678}
     * @param language a language tag, e.g. {@code fr}; messages are written in English, French, German or Spanish
     */
    record ContactRequest(@Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a number in international form, "
                    + "e.g. +33612345678") String phone,
            @Size(max = 35) String language) {
    }

    record ContactView(UUID orderId, String email, String phone, String language) {

        static ContactView of(OrderContact contact) {
            return new ContactView(contact.orderId(), contact.email(), contact.phone(), contact.language());
        }
    }
}
