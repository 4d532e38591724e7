package io.rootfix.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rootfix.complaint.Channel;
import io.rootfix.complaint.ComplaintState;
import io.rootfix.notify.DeliveryState;
import io.rootfix.promise.PromiseState;
import io.rootfix.remedy.RemedyState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Rootfix's own figures for Prometheus, read from the database so every node of a cluster reports the same
 * (counters are totals so far, never reset by a restart). The figures are taken together at most once per
 * {@code rootfix.metrics.max-age}, however often the endpoint is scraped: seven count queries, all but two on an
 * index (complaints by channel and remedies by state read their table, hence the cache).
 */
@Component
@EnableConfigurationProperties(MetricsSettings.class)
class BusinessMetrics implements MeterBinder {

  static final Set<ComplaintState> OPEN_STATES = EnumSet.complementOf(EnumSet.of(ComplaintState.CLOSED, ComplaintState.MERGED));

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration maxAge;
  private Figures figures;

  BusinessMetrics(JdbcTemplate jdbc, Clock clock, MetricsSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxAge = settings.maxAge();
  }

  /** One reading of all figures; a key missing from a map counts 0. */
  record Figures(Instant takenAt, Map<String, Long> openComplaints, Map<String, Long> receivedByChannel,
      long closedComplaints, Map<String, Long> promises, long overduePromises, Map<String, Long> remedies,
      Map<String, Double> remedyAmounts, Map<String, Long> messages, long sealsBehind) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ComplaintState state : OPEN_STATES) {
      gauge(registry, "rootfix.complaints.open", "Complaints not closed, by where they stand", "state", state.name(),
          f -> f.openComplaints().getOrDefault(state.name(), 0L));
    }
    for (Channel channel : Channel.values()) {
      counter(registry, "rootfix.complaints.received", "Complaints received so far, by channel", "channel",
          channel.code(), f -> f.receivedByChannel().getOrDefault(channel.name(), 0L));
    }
    FunctionCounter.builder("rootfix.complaints.closed", this, m -> m.current().closedComplaints())
        .description("Complaints closed so far").register(registry);
    Gauge.builder("rootfix.promises.open", this, m -> m.current().promises().getOrDefault(PromiseState.OPEN.name(), 0L))
        .description("Promises to customers not ended yet").register(registry);
    Gauge.builder("rootfix.promises.overdue", this, m -> m.current().overduePromises())
        .description("Open promises past their deadline").register(registry);
    for (PromiseState outcome : EnumSet.of(PromiseState.KEPT, PromiseState.RENEGOTIATED, PromiseState.BROKEN)) {
      counter(registry, "rootfix.promises.ended", "Promises ended so far: kept, renegotiated in time or broken",
          "outcome", outcome.name().toLowerCase(Locale.ROOT), f -> f.promises().getOrDefault(outcome.name(), 0L));
    }
    FunctionCounter.builder("rootfix.remedies.paid", this,
            m -> m.current().remedies().getOrDefault(RemedyState.PAID.name(), 0L))
        .description("Refunds paid so far").register(registry);
    FunctionCounter.builder("rootfix.remedies.paid.amount", this,
            m -> m.current().remedyAmounts().getOrDefault(RemedyState.PAID.name(), 0.0))
        .description("Sum of the refunds paid so far (EUR)").baseUnit("euros").register(registry);
    FunctionCounter.builder("rootfix.remedies.shipped", this,
            m -> m.current().remedies().getOrDefault(RemedyState.SHIPPED.name(), 0L))
        .description("Replacements shipped so far").register(registry);
    Gauge.builder("rootfix.remedies.awaiting.approval", this,
            m -> m.current().remedies().getOrDefault(RemedyState.AWAITING_APPROVAL.name(), 0L))
        .description("Remedies above the policy limit waiting for a team lead").register(registry);
    Gauge.builder("rootfix.outbox.backlog", this, m -> m.current().messages().getOrDefault(DeliveryState.PENDING.name(), 0L)
            + m.current().messages().getOrDefault(DeliveryState.SENDING.name(), 0L))
        .description("E-mails to customers not handed to the mail server yet").register(registry);
    Gauge.builder("rootfix.messages.for.agent", this,
            m -> m.current().messages().getOrDefault(DeliveryState.FOR_AGENT.name(), 0L))
        .description("Messages to customers waiting for an agent to send them by hand").register(registry);
    // A closed complaint is sealed when it closes; one left behind (a failed sealing) waits for the next sweep.
    Gauge.builder("rootfix.audit.seals.behind", this, m -> m.current().sealsBehind())
        .description("Closed complaints without an audit seal yet").register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
      ToDoubleFunction<Figures> read) {
    Gauge.builder(name, this, m -> read.applyAsDouble(m.current())).description(description).tag(tag, value)
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description, String tag, String value,
      ToDoubleFunction<Figures> read) {
    FunctionCounter.builder(name, this, m -> read.applyAsDouble(m.current())).description(description)
        .tag(tag, value).register(registry);
  }

  /**
   * The figures, read again when older than the maximum age. A clock that went back (tests drive the engine
   * clock) also reads again rather than keeping figures from the future.
   */
  synchronized Figures current() {
    Instant now = clock.instant();
    if (figures == null || now.isBefore(figures.takenAt()) || !now.isBefore(figures.takenAt().plus(maxAge))) {
      figures = read(now);
    }
    return figures;
  }

  private Figures read(Instant now) {
    String open = String.join(",", OPEN_STATES.stream().map(s -> "'" + s.name() + "'").toList());
    Map<String, Long> openComplaints = counts(
        "select state, count(*) from complaint where state in (" + open + ") group by state");
    Map<String, Long> byChannel = counts("select channel, count(*) from complaint group by channel");
    long closed = jdbc.queryForObject("select count(*) from complaint where state = 'CLOSED'", Long.class);
    Map<String, Long> promises = counts("select state, count(*) from promise group by state");
    long overdue = jdbc.queryForObject("select count(*) from promise where state = 'OPEN' and due_at < ?", Long.class,
        Timestamp.from(now));
    Map<String, Long> remedies = new HashMap<>();
    Map<String, Double> amounts = new HashMap<>();
    jdbc.query("select state, count(*), coalesce(sum(amount), 0) from remedy group by state", row -> {
      remedies.put(row.getString(1), row.getLong(2));
      amounts.put(row.getString(1), row.getBigDecimal(3).doubleValue());
    });
    Map<String, Long> messages = counts(
        "select state, count(*) from customer_message where state in ('PENDING', 'SENDING', 'FOR_AGENT') group by state");
    long sealsBehind = jdbc.queryForObject("select count(*) from complaint c where c.state = 'CLOSED'"
        + " and not exists (select 1 from audit_seal s where s.complaint_id = c.id)", Long.class);
    return new Figures(now, openComplaints, byChannel, closed, promises, overdue, remedies, amounts, messages,
        sealsBehind);
  }

  private Map<String, Long> counts(String sql) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql, row -> {
      counts.put(row.getString(1), row.getLong(2));
    });
    return counts;
  }
}
