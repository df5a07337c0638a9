package io.urop.payment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A manager's refund: {@code amount} in minor units of the payment's currency (all that is left when absent), and why.
 */
public record RefundRequest(Long amount, @NotBlank @Size(max = 500) String reason) {
}
