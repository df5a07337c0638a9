package io.urop.bench.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How many tickets an answer of {@code GET /api/v1/kitchen/tickets} lists: the length of the array it is, or of the
 * array it holds ({@code items}, {@code tickets} or {@code content} first, else its first array):
 * {@code java -cp bench/orders/target/test-classes io.urop.bench.orders.TicketCount <answer.json>} prints the number.
 */
public final class TicketCount {

    private TicketCount() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(count(Json.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8))));
    }

    static int count(Object answer) {
        if (answer instanceof List<?> tickets) {
            return tickets.size();
        }
        Map<String, Object> object = Json.object(answer);
        for (String name : List.of("items", "tickets", "content")) {
            if (object.get(name) instanceof List<?> tickets) {
                return tickets.size();
            }
        }
        return object.values().stream().filter(List.class::isInstance).findFirst().map(list -> ((List<?>) list).size())
                .orElse(0);
    }
}
