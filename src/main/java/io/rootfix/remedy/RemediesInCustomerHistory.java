package io.rootfix.remedy;

import io.rootfix.complaint.CustomerHistory;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The remedies of the customer's earlier complaints, on the "Agree expectation" form. */
@Component
class RemediesInCustomerHistory implements CustomerHistory.Section {

  private final RemedyRepository remedies;
  private final ZoneId zone;

  RemediesInCustomerHistory(RemedyRepository remedies, Clock clock) {
    this.remedies = remedies;
    this.zone = clock.getZone();
  }

  @Override
  public String describe(List<Long> complaintIds) {
    List<Remedy> granted = complaintIds.isEmpty() ? List.of()
        : remedies.findByComplaint_IdInOrderByDecidedAtDesc(complaintIds).stream()
            .filter(r -> r.getType() != RemedyType.NONE).toList();
    if (granted.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder("Remedies:\n");
    for (Remedy remedy : granted) {
      text.append("- ").append(remedy.getTrackingNumber()).append(": ")
          .append(remedy.getType().name().toLowerCase(Locale.ROOT)).append(' ')
          .append(remedy.getCurrency()).append(' ').append(remedy.getAmount().setScale(2, RoundingMode.HALF_UP))
          .append(", ").append(remedy.getState().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(" (").append(CustomerHistory.DAY.format(remedy.getDecidedAt().atZone(zone))).append(")\n");
    }
    return text.toString().stripTrailing();
  }
}
