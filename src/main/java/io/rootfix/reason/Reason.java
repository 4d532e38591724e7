package io.rootfix.reason;

/** One choice of the controlled list: its stable code and what staff read. */
public record Reason(String code, String label) {}
