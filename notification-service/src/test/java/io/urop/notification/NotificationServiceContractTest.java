package io.urop.notification;

import io.urop.test.ServiceContract;

class NotificationServiceContractTest extends ServiceContract {
}
