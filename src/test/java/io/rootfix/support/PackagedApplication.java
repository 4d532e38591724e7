package io.rootfix.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * For tests that run the jar {@code mvn verify} just built as JVMs of their own (ClusterIT, CrashIT): where the
 * jar is, a free port, and HTTP calls to it as a demo user (whose password is its name).
 */
public final class PackagedApplication {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PackagedApplication() {
  }

  public static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Paths.get("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("rootfix-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no target/rootfix-*.jar: run mvn verify"))
          .toAbsolutePath();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Sends the request as {@code user} (none: anonymous), waiting at most 30 s for the answer. */
  public static HttpResponse<String> send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
