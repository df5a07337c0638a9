package io.urop.gateway.apidocs;

import java.util.LinkedHashSet;
import java.util.Set;

import io.urop.gateway.GatewayProperties;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * One Swagger UI ({@code /swagger-ui.html}) for the fleet: its list of documents is every service of
 * {@code urop.gateway.services}, each read through the gateway at {@code /v3/api-docs/<service-id>}.
 */
@Component
public class ServiceApiDocs implements InitializingBean {

    /** Where a service serves its own OpenAPI document. */
    public static final String SERVICE_DOCS_PATH = "/v3/api-docs";

    private final SwaggerUiConfigProperties swaggerUi;

    private final GatewayProperties properties;

    ServiceApiDocs(SwaggerUiConfigProperties swaggerUi, GatewayProperties properties) {
        this.swaggerUi = swaggerUi;
        this.properties = properties;
    }

    /** The public path of a service's document at the gateway. */
    public static String pathOf(String serviceId) {
        return SERVICE_DOCS_PATH + "/" + serviceId;
    }

    @Override
    public void afterPropertiesSet() {
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        properties.services().keySet()
                .forEach(serviceId -> urls.add(new SwaggerUrl(serviceId, pathOf(serviceId), serviceId)));
        swaggerUi.setUrls(urls);
    }
}
