package io.rootfix.complaint;

import io.rootfix.web.NoControlCharacters;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's answer to our report, as a channel integration passes it on. */
public record CustomerReply(@NotNull Boolean resolved, @Size(max = 2000) @NoControlCharacters String comment) {}
