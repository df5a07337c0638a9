package io.urop.webapps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WebAppsApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebAppsApplication.class, args);
    }
}
