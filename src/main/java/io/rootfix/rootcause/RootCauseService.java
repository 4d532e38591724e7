package io.rootfix.rootcause;

import io.rootfix.web.InvalidInputException;
import io.rootfix.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Root causes: reported, linked to complaints, fixed, and told to every complaint they hit. */
@Service
@EnableConfigurationProperties(RootCauseSettings.class)
@Transactional
public class RootCauseService {

  /** Fixed root causes stay on offer to agents this long, for complaints that come in late. */
  private static final Duration RECENTLY_FIXED = Duration.ofDays(30);

  private final RootCauseRepository rootCauses;
  private final RootCauseLinkRepository links;
  private final RootCauseInvestigation investigation;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String defaultOwnerGroup;

  public RootCauseService(RootCauseRepository rootCauses, RootCauseLinkRepository links,
      RootCauseInvestigation investigation, ApplicationEventPublisher events, Clock clock,
      RootCauseSettings settings) {
    this.rootCauses = rootCauses;
    this.links = links;
    this.investigation = investigation;
    this.events = events;
    this.clock = clock;
    this.defaultOwnerGroup = settings.defaultOwnerGroup();
  }

  /** A new root cause; its investigation starts (process {@code root-cause}). */
  public RootCause report(String title, String description, String category, String ownerGroup, String by) {
    RootCause rootCause = rootCauses.save(new RootCause(title, description, category,
        ownerGroup == null || ownerGroup.isBlank() ? defaultOwnerGroup : ownerGroup, by, now()));
    rootCause.investigatedBy(investigation.start(rootCause));
    return rootCause;
  }

  /**
   * Links a complaint to the root cause. Returns the root cause; when it is already settled the
   * complaint need not wait.
   */
  public RootCause link(Long rootCauseId, Long complaintId, String trackingNumber, String by) {
    RootCause rootCause = rootCauses.lockById(rootCauseId)
        .orElseThrow(() -> InvalidInputException.of(RootCauseProcess.Var.ROOT_CAUSE_ID,
            "no root cause with id " + rootCauseId));
    RootCauseLink link = links.save(new RootCauseLink(rootCause, complaintId, trackingNumber, by, now()));
    if (rootCause.getState().isSettled()) {
      link.told(now());
    }
    return rootCause;
  }

  /** What an agent may link a complaint of this category to: open and recently fixed, most-linked first. */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(String category) {
    return rootCauses.candidates(category, now().minus(RECENTLY_FIXED)).stream()
        .map(r -> new Candidate(r.getId(), r.getTitle(), r.getState(), links.countByRootCauseId(r.getId())))
        .sorted(Comparator.comparingLong(Candidate::complaints).reversed().thenComparing(Candidate::id))
        .toList();
  }

  public record Candidate(Long id, String title, RootCauseState state, long complaints) {
    /** As the agent sees it in the form's list. */
    public String label() {
      return RootCauseProcess.businessKey(id) + " " + title + " (" + complaints + (complaints == 1 ? " complaint, " : " complaints, ")
          + state.name().toLowerCase().replace('_', ' ') + ")";
    }
  }

  void investigated(Long rootCauseId, boolean willFix, Instant fixDeadline, String wontFixReason) {
    RootCause rootCause = get(rootCauseId);
    if (willFix) {
      rootCause.willBeFixedBy(fixDeadline);
    } else {
      rootCause.wontBeFixed(wontFixReason);
    }
  }

  void fixed(Long rootCauseId, String fixDescription, String by) {
    get(rootCauseId).fixed(fixDescription, by, now());
  }

  /** Who fixed it; null before the fix. */
  String fixedBy(Long rootCauseId) {
    return get(rootCauseId).getFixedBy();
  }

  void verified(Long rootCauseId, boolean works, String note, String by) {
    RootCause rootCause = get(rootCauseId);
    if (works && by != null && by.equals(rootCause.getFixedBy())) {
      throw InvalidInputException.of(RootCauseProcess.Var.FIX_VERIFIED,
          "someone other than the one who fixed it verifies the fix");
    }
    rootCause.verified(works, note, by);
  }

  /**
   * Every complaint still waiting on the settled root cause continues to its report back, with the fix
   * (or the reason it will not be fixed), told by a {@link RootCauseSettledEvent}. Returns how many were told.
   */
  int tellLinkedComplaints(Long rootCauseId) {
    RootCause rootCause = rootCauses.lockById(rootCauseId).orElseThrow(() -> new RootCauseNotFoundException(rootCauseId));
    if (!rootCause.getState().isSettled()) {
      throw new IllegalStateException("Root cause " + rootCauseId + " is " + rootCause.getState() + ", not settled");
    }
    List<String> told = new ArrayList<>();
    for (RootCauseLink link : links.findByRootCauseIdAndToldAtIsNull(rootCauseId)) {
      told.add(link.getTrackingNumber());
      link.told(now());
    }
    events.publishEvent(new RootCauseSettledEvent(rootCauseId, told));
    return told.size();
  }

  /** The text each linked complaint's report builds on: the fix, or why it will not be fixed. */
  @Transactional(readOnly = true)
  public String outcomeText(Long rootCauseId) {
    return get(rootCauseId).outcomeText();
  }

  @Transactional(readOnly = true)
  public List<RootCauseView> search(RootCauseState state, String category) {
    return rootCauses.search(state, category).stream().map(this::summaryOf).toList();
  }

  /** The root cause without its linked complaints, which a cause that hit many customers has thousands of. */
  @Transactional(readOnly = true)
  public RootCauseView summary(Long rootCauseId) {
    return summaryOf(get(rootCauseId));
  }

  private RootCauseView summaryOf(RootCause rootCause) {
    return RootCauseView.of(rootCause, links.countByRootCauseId(rootCause.getId()), null);
  }

  @Transactional(readOnly = true)
  public RootCauseView view(Long rootCauseId) {
    RootCause rootCause = get(rootCauseId);
    List<RootCauseLink> linked = links.findByRootCauseIdOrderByLinkedAtAsc(rootCauseId);
    return RootCauseView.of(rootCause, linked.size(), linked);
  }

  /** Root causes by the number of complaints they hit in the period: which fix pays most. */
  @Transactional(readOnly = true)
  public Pareto pareto(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw InvalidInputException.of("from", "must be before 'to'");
    }
    List<RootCauseLinkRepository.LinkCount> counts = links.countByRootCause(from, to);
    long total = counts.stream().mapToLong(RootCauseLinkRepository.LinkCount::getComplaints).sum();
    long cumulative = 0;
    List<Pareto.Row> rows = new java.util.ArrayList<>();
    for (RootCauseLinkRepository.LinkCount count : counts) {
      cumulative += count.getComplaints();
      RootCause rootCause = get(count.getRootCauseId());
      rows.add(new Pareto.Row(rootCause.getId(), rootCause.getTitle(), rootCause.getCategory(), rootCause.getState(),
          count.getComplaints(), (double) count.getComplaints() / total, (double) cumulative / total));
    }
    return new Pareto(from, to, total, rows);
  }

  public record Pareto(Instant from, Instant to, long complaints, List<Row> rootCauses) {
    public record Row(Long id, String title, String category, RootCauseState state, long complaints, double share,
        double cumulativeShare) {}
  }

  private RootCause get(Long rootCauseId) {
    return rootCauses.findById(rootCauseId).orElseThrow(() -> new RootCauseNotFoundException(rootCauseId));
  }

  private Instant now() {
    return Instant.now(clock);
  }

  static class RootCauseNotFoundException extends NotFoundException {
    RootCauseNotFoundException(Long id) {
      super("No root cause with id " + id);
    }
  }
}
