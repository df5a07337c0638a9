package io.urop.order.pacing;

import java.util.Map;

/**
 * A location's pacing: whether diners may order online now, and how much the kitchen takes from diners per 15-minute
 * slot. An order's load on a station is the prep minutes of its lines made there (the menu's minutes per portion
 * times the quantity; a line whose item states none counts 0).
 *
 * @param onlineOrderingPaused     diners' orders are refused; staff still take orders
 * @param maxOrdersPerSlot         diners' orders per slot; null for no cap
 * @param maxPrepMinutesPerStation prep minutes per slot, by station as the menu names it ({@code grill}); a station
 *                                 not named has no cap
 */
public record PacingSettings(boolean onlineOrderingPaused, Integer maxOrdersPerSlot,
        Map<String, Integer> maxPrepMinutesPerStation) {

    /** A location whose managers set nothing: open, uncapped. */
    static final PacingSettings NONE = new PacingSettings(false, null, Map.of());

    public PacingSettings {
        maxPrepMinutesPerStation = maxPrepMinutesPerStation == null ? Map.of() : Map.copyOf(maxPrepMinutesPerStation);
    }

    /** Whether one more order with this load fits a slot that has taken {@code orders} and {@code minutes}. */
    boolean fits(int orders, Map<String, Integer> minutes, Map<String, Integer> load) {
        if (maxOrdersPerSlot != null && orders + 1 > maxOrdersPerSlot) {
            return false;
        }
        return load.entrySet().stream().allMatch(station -> {
            Integer cap = maxPrepMinutesPerStation.get(station.getKey());
            return cap == null || minutes.getOrDefault(station.getKey(), 0) + station.getValue() <= cap;
        });
    }
}
