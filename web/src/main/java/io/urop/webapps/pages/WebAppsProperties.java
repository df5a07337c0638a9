package io.urop.webapps.pages;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The apps this module serves, each built into {@code classpath:/static/<app>/} and served at {@code /<app>}. */
@ConfigurationProperties("urop.web")
public record WebAppsProperties(List<String> apps) {

    public WebAppsProperties {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
