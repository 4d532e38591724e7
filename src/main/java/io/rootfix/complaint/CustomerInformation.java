package io.rootfix.complaint;

import io.rootfix.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer's answer to our question, as a channel integration passes it on. */
public record CustomerInformation(@NotBlank @Size(max = 4000) @NoControlCharacters String information) {}
