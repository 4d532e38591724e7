package io.rootfix;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RootfixApplication {

  public static void main(String[] args) {
    SpringApplication.run(RootfixApplication.class, args);
  }
}
