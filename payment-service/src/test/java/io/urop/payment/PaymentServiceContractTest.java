package io.urop.payment;

import io.urop.test.ServiceContract;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PaymentServiceContractTest extends ServiceContract {

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        PaymentServiceTest.stripe(registry);
    }
}
