package cn.lantian.chaos;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The fault suite's Java side; the launcher (infra/chaos.sh) injects the faults around it.
 *
 * <p>Commands: {@code load <run> <count> <per-second> [poison-every] [once|twice]} publishes a run's events (twice:
 * every event twice, in shuffled order); {@code dlq-reason <queue>} prints a dead letter's reason;
 * {@code proxy <port> <target-port> <delay-ms> <loss-share>} forwards with delay and loss until killed;
 * {@code settle <case> <run> <sent> <fault-ended-epoch-ms> <deadline-s>} waits until every sent event has its case and
 * its document (or the deadline passes), checks for a few seconds more that nothing is duplicated late, and prints the
 * case's row; exit status 1 if the row shows a loss, a duplicate or no recovery.
 */
public final class ChaosSuite {

    /** After everything arrived, how long to go on looking for late duplicates. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private ChaosSuite() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        switch (args[0]) {
            case "load" -> {
                int republished = new Load(settings)
                        .publish(
                                args[1],
                                Integer.parseInt(args[2]),
                                Integer.parseInt(args[3]),
                                args.length > 4 ? Integer.parseInt(args[4]) : 0,
                                args.length > 5 && args[5].equals("twice"));
                System.out.println("sent " + args[2] + " events, " + republished + " batches published again");
            }
            case "settle" -> {
                Row row = settle(
                        new Tally(settings),
                        args[1],
                        args[2],
                        Long.parseLong(args[3]),
                        Long.parseLong(args[4]),
                        Duration.ofSeconds(Long.parseLong(args[5])));
                System.out.println(row.format());
                System.exit(row.passed() ? 0 : 1);
            }
            case "header" -> System.out.println(Row.HEADER);
            case "dlq-reason" -> System.out.println(new DeadLetters(settings).reason(args[1]));
            case "proxy" ->
                new DelayProxy(Integer.parseInt(args[2]), Long.parseLong(args[3]), Double.parseDouble(args[4]))
                        .serve(DelayProxy.listen(Integer.parseInt(args[1])));
            default -> throw new IllegalArgumentException("load, settle, header, dlq-reason or proxy");
        }
    }

    static Row settle(Tally tally, String name, String run, long sent, long faultEndedMillis, Duration deadline) {
        long until = System.currentTimeMillis() + deadline.toMillis();
        Tally.Counts counts = tally.count(run);
        double recovered = -1;
        while (System.currentTimeMillis() < until) {
            counts = tally.count(run);
            if (counts.complete(sent)) {
                recovered = Math.max(0, System.currentTimeMillis() - faultEndedMillis) / 1000.0;
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        if (recovered >= 0) {
            long settleUntil = System.currentTimeMillis() + SETTLE.toMillis();
            while (System.currentTimeMillis() < settleUntil) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            Tally.Counts later = tally.count(run);
            counts = later.readable() ? later : counts;
        }
        return Row.of(name, sent, counts, recovered);
    }
}
