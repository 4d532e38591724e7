package io.rootfix.remedy;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShipmentOrderRepository extends JpaRepository<ShipmentOrder, Long> {

  Optional<ShipmentOrder> findByIdempotencyKey(String idempotencyKey);
}
