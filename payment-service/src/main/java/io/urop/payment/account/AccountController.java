package io.urop.payment.account;

import com.stripe.exception.StripeException;
import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments/account")
class AccountController {

    private final MerchantOnboarding onboarding;

    AccountController(MerchantOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping
    AccountView account() {
        return onboarding.account(CurrentUser.require());
    }

    /** Creates the restaurant's Stripe account the first time, and hands out a link to Stripe's onboarding. */
    @PostMapping("/onboarding-links")
    OnboardingLink onboardingLink() throws StripeException {
        return onboarding.onboardingLink(CurrentUser.require());
    }
}
