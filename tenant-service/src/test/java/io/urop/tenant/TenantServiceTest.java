package io.urop.tenant;

import io.urop.test.ServiceIntegrationTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** tenant-service with auth-service's account API at {@link AuthServiceStub}, found as {@code auth-service}. */
@ServiceIntegrationTest
public abstract class TenantServiceTest {

    @DynamicPropertySource
    static void authService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
                () -> AuthServiceStub.instance().uri());
    }
}
