package io.urop.notification;

import io.urop.test.ServiceContract;

import org.springframework.test.annotation.DirtiesContext;

// closed after its tests, so that the email tests' context is the only consumer of the service's group
@DirtiesContext
class NotificationServiceContractTest extends ServiceContract {
}
