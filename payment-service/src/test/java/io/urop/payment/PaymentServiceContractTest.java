package io.urop.payment;

import io.urop.test.ServiceContract;

class PaymentServiceContractTest extends ServiceContract {
}
