package io.rootfix.notify;

/** Published when an agent marked a message sent through the API rather than its Tasklist task. */
record MessageSentByAgentEvent(Long messageId) {}
