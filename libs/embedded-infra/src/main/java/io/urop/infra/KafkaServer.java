package io.urop.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one node) inside this JVM, on free
 * ports of 127.0.0.1. Transactions and idempotent producers work: the internal topics have replication
 * factor 1. Sized for a small dev box: few threads, few internal partitions, small segments.
 */
public final class KafkaServer implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaConfig config;
    private KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path directory;
    private final boolean deleteOnClose;
    private final Thread shutdownHook = new Thread(this::stop, "kafka-server-shutdown");
    private boolean stopped;

    private KafkaServer(KafkaConfig config, KafkaRaftServer server, String bootstrapServers, Path directory,
            boolean deleteOnClose) {
        this.config = config;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.directory = directory;
        this.deleteOnClose = deleteOnClose;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param directoryOrNull a log directory kept after close (formatted when empty), or null for a
     *                        temporary one deleted on close
     */
    public static KafkaServer start(Path directoryOrNull) {
        boolean temporary = directoryOrNull == null;
        Path directory;
        try {
            directory = temporary
                    ? Files.createTempDirectory("urop-kafka-")
                    : Files.createDirectories(directoryOrNull);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory", e);
        }
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        KafkaConfig config = new KafkaConfig(properties(directory, brokerPort, controllerPort), false);
        KafkaRaftServer server = null;
        try {
            format(config, directory);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new KafkaServer(config, server, FreePorts.LOOPBACK + ":" + brokerPort, directory, temporary);
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("Kafka did not start in " + directory, e);
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException shutdownFailure) {
                    failure.addSuppressed(shutdownFailure);
                }
            }
            if (temporary) {
                Directories.deleteQuietly(directory);
            }
            throw failure;
        }
    }

    private static Map<String, String> properties(Path directory, int brokerPort, int controllerPort) {
        String host = FreePorts.LOOPBACK;
        Map<String, String> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listeners",
                "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", directory.toAbsolutePath().toString());

        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", "1");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("share.coordinator.state.topic.num.partitions", "1");

        properties.put("log.segment.bytes", String.valueOf(8 * 1024 * 1024));
        properties.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        properties.put("offsets.topic.segment.bytes", String.valueOf(8 * 1024 * 1024));
        properties.put("transaction.state.log.segment.bytes", String.valueOf(8 * 1024 * 1024));
        // the cleaner's dedupe buffer is allocated on the heap: 128 MB by default
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("num.replica.fetchers", "1");
        return properties;
    }

    /**
     * What {@code kafka-storage.sh format} does, through the Formatter API of Kafka 4.1. A directory
     * formatted before is left alone: formatting it again, even with ignore-formatted, fails on the
     * new random cluster id.
     */
    private static void format(KafkaConfig config, Path directory) throws Exception {
        if (Files.exists(directory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setHasDynamicQuorum(false)
                .addDirectory(directory.toAbsolutePath().toString())
                .run();
    }

    /** For example {@code 127.0.0.1:41234}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops the broker and starts it again on the same ports and log directory, as a broker restarted by its operator:
     * what was written stays; clients reconnect by themselves.
     */
    public synchronized void restart() {
        if (stopped) {
            throw new IllegalStateException("Kafka was stopped");
        }
        server.shutdown();
        server.awaitShutdown();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            Directories.deleteQuietly(directory);
        }
    }
}
