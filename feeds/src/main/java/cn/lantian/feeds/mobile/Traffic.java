package cn.lantian.feeds.mobile;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The registered vehicles on the road, drawn by consistent hashing of their plates: a draw names the first vehicle at or
 * after a point on a ring of plate hashes, so a vehicle registered or deregistered later changes only the draws that
 * fall next to it, and a replay of the history sends almost exactly what was sent before.
 */
final class Traffic {

    private final List<Vehicle> vehicles;
    private final long[] keys;

    Traffic(List<Vehicle> fleet) {
        this.vehicles = fleet.stream()
                .sorted(Comparator.comparingLong((Vehicle v) -> key(v.plate())).thenComparing(Vehicle::plate))
                .toList();
        this.keys = vehicles.stream().mapToLong(v -> key(v.plate())).toArray();
    }

    boolean isEmpty() {
        return vehicles.isEmpty();
    }

    int size() {
        return vehicles.size();
    }

    /** The vehicle at {@code point} on the ring. */
    Vehicle at(long point) {
        int i = Arrays.binarySearch(keys, point);
        int index = i >= 0 ? i : -i - 1;
        return vehicles.get(index == keys.length ? 0 : index);
    }

    /** A well-mixed hash of a plate: its place on the ring. */
    static long key(String plate) {
        long h = plate.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}
