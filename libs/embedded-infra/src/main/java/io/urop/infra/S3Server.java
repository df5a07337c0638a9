package io.urop.infra;

import java.net.URI;
import java.util.Properties;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** An S3-compatible server (s3proxy, in memory) on a free local port. */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "urop-dev";
    public static final String SECRET_KEY = "urop-dev-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    public static S3Server start() {
        Properties overrides = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(overrides)
                .build(BlobStoreContext.class);
        URI endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + FreePorts.next());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start");
                }
                Thread.sleep(20);
            }
        }
        catch (Exception e) {
            context.close();
            throw new IllegalStateException("S3 server did not start", e);
        }
        return new S3Server(proxy, context, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        }
        catch (Exception e) {
            System.err.println("s3proxy did not stop cleanly: " + e);
        }
        context.close();
    }
}
