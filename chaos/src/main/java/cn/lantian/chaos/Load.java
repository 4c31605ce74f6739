package cn.lantian.chaos;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes a run's events at a steady rate, as an at-least-once publisher does: each batch waits for the broker's
 * confirms, and a batch whose confirms do not come (a node died, the connection dropped) is published again through
 * any node that answers. Consumers must therefore cope with the same event twice, which is part of what is tested.
 */
final class Load {

    private static final int BATCH = 50;

    private final Settings settings;
    private Connection connection;
    private Channel channel;
    private int republished;

    Load(Settings settings) {
        this.settings = settings;
    }

    /**
     * Publishes events 0..count-1 of the run (each twice, shuffled, if {@code twice}; a poison message after every
     * {@code poisonEvery}-th, if positive) at about {@code perSecond} messages; returns how many batches had to be
     * published again.
     */
    int publish(String run, int count, int perSecond, int poisonEvery, boolean twice) throws InterruptedException {
        List<String[]> messages = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            messages.add(new String[] {Exceedances.id(run, n), Exceedances.event(run, n)});
            if (twice) {
                messages.add(new String[] {Exceedances.id(run, n), Exceedances.event(run, n)});
            }
            if (poisonEvery > 0 && n % poisonEvery == poisonEvery - 1) {
                messages.add(new String[] {"poison-" + run + "-" + n, Exceedances.poison(run, n)});
            }
        }
        if (twice) {
            Collections.shuffle(messages, new Random(run.hashCode()));
        }
        long nanosPerBatch = 1_000_000_000L * BATCH / Math.max(1, perSecond);
        long next = System.nanoTime();
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<String[]> batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
            while (!publishConfirmed(batch)) {
                republished++;
                LockSupport.parkNanos(500_000_000L); // a node or the broker is away: try again through another
            }
            next += nanosPerBatch;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        close();
        return republished;
    }

    private boolean publishConfirmed(List<String[]> batch) {
        try {
            Channel ch = channel();
            for (String[] message : batch) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/cloudevents+json")
                        .messageId(message[0])
                        .deliveryMode(2)
                        .build();
                ch.basicPublish(
                        Exceedances.EXCHANGE, Exceedances.TYPE, props, message[1].getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(10_000);
            return true;
        } catch (Exception e) {
            System.err.println("publish failed, publishing the batch again: " + e);
            close();
            return false;
        }
    }

    private Channel channel() throws Exception {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(3_000);
        List<Address> addresses = new ArrayList<>(settings.amqpPorts().stream()
                .map(p -> new Address("127.0.0.1", p))
                .toList());
        Collections.shuffle(addresses);
        connection = factory.newConnection(addresses, "chaos-load");
        channel = connection.createChannel();
        channel.confirmSelect();
        return channel;
    }

    private void close() {
        try {
            if (connection != null) {
                connection.abort(1_000);
            }
        } catch (Exception e) {
            // already gone with its node
        }
        connection = null;
        channel = null;
    }
}
