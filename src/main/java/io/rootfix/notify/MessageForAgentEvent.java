package io.rootfix.notify;

/** Published in the transaction that handed a message to the agents. */
record MessageForAgentEvent(Long messageId) {}
