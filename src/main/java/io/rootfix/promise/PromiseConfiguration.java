package io.rootfix.promise;

import io.rootfix.process.TaskForms;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The promise settings, and the task-form reader that reads a date as due at the answer time of that day. */
@Configuration
@EnableConfigurationProperties(PromiseSettings.class)
class PromiseConfiguration {

  @Bean
  TaskForms taskForms(Clock clock, PromiseSettings settings) {
    return new TaskForms(clock, settings.answerDueTime());
  }
}
