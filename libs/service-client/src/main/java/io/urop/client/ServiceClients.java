package io.urop.client;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

import io.urop.security.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes a service's clients of the other services, one per service called, each set up the same way:
 * <ul>
 * <li>its own {@link RestClient} with Spring Cloud LoadBalancer's {@link LoadBalancerInterceptor}, so that
 * {@code http://auth-service} reaches an instance discovery knows. Not a {@code @LoadBalanced RestClient.Builder}
 * bean: Spring Cloud would hand that one to the Eureka client too, whose own calls must not go through the load
 * balancer;</li>
 * <li>Spring's {@link SimpleClientHttpRequestFactory} (HttpURLConnection and its keep-alive cache): for one blocking
 * call at a time, it costs a fraction of the CPU the JDK's HttpClient spends on its selector thread and asynchronous
 * pipeline (so found for qr-service's scans, which chose it first). It streams every request body, so the JDK never
 * repeats a POST of its own accord;</li>
 * <li>the connect and read timeouts of {@link ServiceClientProperties} ({@code urop.clients.<service>});</li>
 * <li>this service's own token from auth-service (client credentials, {@link ServiceCredentials}), kept until shortly
 * before it expires and shared by every client.</li>
 * </ul>
 * A caller makes its client once, in its constructor: {@code this.auth = clients.client("auth-service");}.
 */
public final class ServiceClients {

    /** The service that issues the service tokens, reached as its own {@code urop.clients.auth-service} says. */
    static final String TOKEN_ISSUER = "auth-service";

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final LoadBalancerClient loadBalancer;
    private final Binder properties;
    private final ServiceTokens tokens;

    /**
     * @param properties      where {@code urop.clients.*} are read from
     * @param applicationName this service's name, its client id unless {@code urop.clients.client-id} says otherwise
     */
    public ServiceClients(LoadBalancerClient loadBalancer, Binder properties, String applicationName, Clock clock) {
        this.loadBalancer = loadBalancer;
        this.properties = properties;
        ServiceCredentials credentials = properties.bindOrCreate("urop.clients", ServiceCredentials.class)
                .orNamed(applicationName);
        if (credentials.clientSecret().isBlank()) {
            log.warn("urop.clients.client-secret is not set: auth-service will refuse {}'s service token",
                    credentials.clientId());
        }
        this.tokens = new ServiceTokens(http(TOKEN_ISSUER), credentials.clientId(), credentials.clientSecret(), clock);
    }

    /** A client of {@code service}, as discovery names it (e.g. {@code auth-service}). */
    public ServiceClient client(String service) {
        return new ServiceClient(service, http(service), tokens);
    }

    private RestClient http(String service) {
        if (!SERVICE_ID.matcher(service).matches()) {
            throw new IllegalArgumentException("a service id is lower-case words joined by '-': " + service);
        }
        ServiceClientProperties settings = properties.bindOrCreate("urop.clients." + service,
                ServiceClientProperties.class);
        URI url = settings.url() != null ? settings.url() : URI.create("http://" + service);
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.timeout());
        return RestClient.builder().baseUrl(url.toString()).requestFactory(requests)
                .requestInterceptor(new LoadBalancerInterceptor(loadBalancer)).build();
    }
}
