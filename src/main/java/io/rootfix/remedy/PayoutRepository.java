package io.rootfix.remedy;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PayoutRepository extends JpaRepository<Payout, Long> {

  Optional<Payout> findByIdempotencyKey(String idempotencyKey);
}
