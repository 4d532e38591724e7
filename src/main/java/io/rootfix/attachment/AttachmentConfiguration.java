package io.rootfix.attachment;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration
@EnableConfigurationProperties(AttachmentSettings.class)
class AttachmentConfiguration {

  /**
   * The servlet container's multipart limits follow the attachment limits (instead of Boot's 1 MB per file), with
   * room above a complaint's files for its form fields: a larger file than max-file-size still arrives, so the
   * answer can name it; a larger request is refused before it is read (RequestSizeLimitFilter).
   */
  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentSettings settings) {
    return new MultipartConfigElement("", settings.maxPerComplaint().toBytes(), settings.maxRequestSize().toBytes(),
        (int) DataSize.ofMegabytes(1).toBytes());
  }
}
