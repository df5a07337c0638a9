package io.urop.order;

import io.urop.test.ServiceContract;

class OrderServiceContractTest extends ServiceContract {
}
