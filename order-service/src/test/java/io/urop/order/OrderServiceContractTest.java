package io.urop.order;

import io.urop.test.ServiceContract;

import org.springframework.test.annotation.DirtiesContext;

// closed after its tests, so that the other tests' context is the only consumer of the service's group
@DirtiesContext
class OrderServiceContractTest extends ServiceContract {
}
