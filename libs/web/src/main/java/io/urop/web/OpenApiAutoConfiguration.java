package io.urop.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Names each service's OpenAPI document after the service, as the gateway's Swagger UI lists them. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(Environment environment) {
        String service = environment.getProperty("spring.application.name", "urop");
        return new OpenAPI().info(new Info().title(service).version("v1")
                .description("urop " + service + " API. Errors are application/problem+json (RFC 9457)."));
    }
}
