import java.net.ServerSocket;

/** Prints a free TCP port on 127.0.0.1. */
public final class FreePort {
    public static void main(String[] args) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            System.out.println(socket.getLocalPort());
        }
    }
}
