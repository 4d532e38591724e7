package io.rootfix.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

  @Query("""
      select c from Customer c
      where (:email is not null and c.email = :email) or (:phone is not null and c.phone = :phone)
      order by c.id""")
  List<Customer> findByEmailOrPhone(@Param("email") String email, @Param("phone") String phone);
}
