package io.urop.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
class MessagingTestApplication {
}
