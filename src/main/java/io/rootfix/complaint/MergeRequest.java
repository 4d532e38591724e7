package io.rootfix.complaint;

import io.rootfix.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Merge the complaint with this tracking number into the one in the path, which goes on.
 *
 * @param note why the two are one matter; it closes the merged complaint
 */
public record MergeRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "must be a tracking number such as RF-2026-000123")
        String trackingNumber,
    @NotBlank @Size(max = 1000) @NoControlCharacters String note) {}
