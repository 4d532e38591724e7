package io.rootfix.reply;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerEffortRepository extends JpaRepository<CustomerEffort, Long> {

  /** Per score (1..7): how many customers gave it. */
  @Query("select e.score, count(e) from CustomerEffort e group by e.score order by e.score")
  List<Object[]> countByScore();
}
