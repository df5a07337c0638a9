package io.urop.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureRestTestClient
class DiscoveryServerTest {

    @Autowired
    RestTestClient http;

    @Test
    void anInstanceThatRegistersIsListed() {
        String instance = """
                {"instance": {"instanceId": "127.0.0.1:menu-service:9999", "hostName": "127.0.0.1", "app": "MENU-SERVICE",
                 "ipAddr": "127.0.0.1", "status": "UP", "port": {"$": 9999, "@enabled": "true"},
                 "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}""";
        http.post().uri("/eureka/apps/MENU-SERVICE").contentType(MediaType.APPLICATION_JSON).body(instance)
                .exchange().expectStatus().isNoContent();

        http.get().uri("/eureka/apps/MENU-SERVICE").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.application.instance[0].port.$").isEqualTo(9999);
    }

    @Test
    void healthProbesAnswer() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
