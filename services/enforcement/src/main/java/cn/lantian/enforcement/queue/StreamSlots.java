package cn.lantian.enforcement.queue;

import java.util.concurrent.ConcurrentHashMap;

/** Counts the work-queue streams each user holds open, and refuses one more beyond the cap. */
final class StreamSlots {

    private final int capPerClient;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamSlots(int capPerClient) {
        if (capPerClient < 1) {
            throw new IllegalArgumentException("the cap of streams per client must be at least 1, got " + capPerClient);
        }
        this.capPerClient = capPerClient;
    }

    /** Takes a slot for that client; false when it already holds the cap. */
    boolean tryOpen(String client) {
        boolean[] taken = {false};
        open.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= capPerClient) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Gives back a slot taken by {@link #tryOpen}. */
    void close(String client) {
        open.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** How many streams that client holds open. */
    int openBy(String client) {
        return open.getOrDefault(client, 0);
    }

    int cap() {
        return capPerClient;
    }
}
