package cn.lantian.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelayProxyTests {

    @Test
    void forwardsEveryByteInOrderAndNoSoonerThanTheDelay() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                    // the test closed the connection
                }
            });
            server.setDaemon(true);
            server.start();
            ServerSocket listening = DelayProxy.listen(0);
            DelayProxy proxy = new DelayProxy(echo.getLocalPort(), 100, 0.5);
            Thread serving = new Thread(() -> {
                try {
                    proxy.serve(listening);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            serving.setDaemon(true);
            serving.start();

            Socket client = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
            byte[] sent = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            client.getOutputStream().write(sent);
            byte[] back = new byte[sent.length];
            new DataInputStream(client.getInputStream()).readFully(back);
            long millis = (System.nanoTime() - start) / 1_000_000;
            client.close();

            assertThat(back).isEqualTo(sent);
            // There and back: at least two delays.
            assertThat(millis).isGreaterThanOrEqualTo(200);
        }
    }
}
