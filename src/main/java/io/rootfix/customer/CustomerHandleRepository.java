package io.rootfix.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerHandleRepository extends JpaRepository<CustomerHandle, Long> {

  Optional<CustomerHandle> findByNetworkAndHandle(HandleNetwork network, String handle);
}
