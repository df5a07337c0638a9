package io.urop.messaging.deadletter;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started as a command, {@code --urop.messaging.replay-dead-letters=<topic>[,<topic>...]}: it replays
 * what it parked on those topics' dead-letter topics, reports, and exits (status 1 when a record failed again).
 * {@link ReplayCommandMode} starts it without a web server and without joining its consumer groups, so it runs
 * beside the live instances with their configuration.
 */
public class DeadLetterReplayCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayCommand.class);

    private final DeadLetterReplay replay;
    private final List<String> topics;
    private final ConfigurableApplicationContext context;

    public DeadLetterReplayCommand(DeadLetterReplay replay, List<String> topics, ConfigurableApplicationContext context) {
        this.replay = replay;
        this.topics = topics;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        boolean allThrough = true;
        for (String topic : topics) {
            DeadLetterReplay.Outcome outcome = replay.replay(topic);
            log.info("Dead letters of {}: {} replayed, {} parked by other services left alone{}", topic,
                    outcome.replayed(), outcome.othersSkipped(),
                    outcome.completed() ? "" : "; stopped at " + outcome.failure());
            allThrough &= outcome.completed();
        }
        int status = allThrough ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
