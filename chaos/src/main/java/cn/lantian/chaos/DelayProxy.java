package cn.lantian.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP proxy that delays every chunk it forwards, in both directions, and delays a share of them further as
 * a lost segment would be: TCP never loses bytes, it retransmits them after a timeout, so loss as a connection sees
 * it is an extra delay (here Linux's minimum retransmission timeout, 200 ms) on that share of segments. Order is kept.
 */
final class DelayProxy {

    /** Linux's minimum retransmission timeout: what a lost segment costs a connection on a fast network. */
    static final long RETRANSMISSION_MILLIS = 200;

    private final int targetPort;
    private final long delayNanos;
    private final double lossShare;

    DelayProxy(int targetPort, long delayMillis, double lossShare) {
        this.targetPort = targetPort;
        this.delayNanos = delayMillis * 1_000_000L;
        this.lossShare = lossShare;
    }

    /** Listens on the loopback port. */
    static ServerSocket listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return server;
    }

    /** Accepts connections until the socket is closed. */
    void serve(ServerSocket listening) throws IOException {
        try (ServerSocket server = listening) {
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                relay(client, upstream);
                relay(upstream, client);
            }
        }
    }

    private record Chunk(byte[] bytes, long dueNanos) {}

    private void relay(Socket from, Socket to) {
        BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        daemon(() -> {
            byte[] buffer = new byte[16384];
            long lastDue = 0;
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long extra = ThreadLocalRandom.current().nextDouble() < lossShare
                            ? RETRANSMISSION_MILLIS * 1_000_000L
                            : 0;
                    // A later chunk never overtakes an earlier one, as on one TCP connection.
                    lastDue = Math.max(lastDue, System.nanoTime() + delayNanos + extra);
                    line.add(new Chunk(Arrays.copyOf(buffer, n), lastDue));
                }
            } catch (IOException e) {
                // connection closed
            }
            line.add(new Chunk(null, 0));
        });
        daemon(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = line.take();
                    if (chunk.bytes() == null) {
                        break;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "delay-proxy");
        thread.setDaemon(false);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
