package io.urop.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Fetches {@code http://<service-id>/<path>} from one instance of that service, chosen at each fetch,
 * as a load-balanced HTTP client does. nimbus only takes {@link URL}s, which know no {@code lb} scheme,
 * so an {@code lb://} URI reaches it as {@link #toServiceUri}.
 */
final class LoadBalancedRetriever implements ResourceRetriever {

    static final String SCHEME = "lb";

    private final InstanceResolver instances;
    private final ResourceRetriever http;

    LoadBalancedRetriever(InstanceResolver instances, ResourceRetriever http) {
        this.instances = instances;
        this.http = http;
    }

    /** {@code lb://auth-service/.well-known/jwks.json} → {@code http://auth-service/.well-known/jwks.json}. */
    static URI toServiceUri(URI lb) {
        if (lb.getHost() == null || lb.getPort() != -1 || lb.getUserInfo() != null) {
            throw new IllegalArgumentException("an lb URI names a service id only, as in lb://auth-service/path: " + lb);
        }
        return URI.create("http://" + lb.getHost() + lb.getRawPath() + (lb.getRawQuery() == null ? "" : "?" + lb.getRawQuery()));
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        URI instance;
        try {
            instance = instances.choose(url.getHost());
        }
        catch (RuntimeException e) {
            throw new IOException("could not choose an instance of " + url.getHost() + ": " + e.getMessage(), e);
        }
        if (instance == null) {
            throw new IOException("no instance of " + url.getHost() + " is known");
        }
        String base = instance.toString().replaceAll("/+$", "");
        return http.retrieveResource(URI.create(base + url.getFile()).toURL());
    }
}
