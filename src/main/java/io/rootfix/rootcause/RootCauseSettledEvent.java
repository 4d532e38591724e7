package io.rootfix.rootcause;

import java.util.List;

/**
 * A root cause is settled (fixed and verified, or declared not to be fixed): the complaints still waiting on it
 * may go on. Published in the transaction of "Tell every linked complaint"; the complaint side owns the message
 * that wakes them.
 *
 * @param trackingNumbers the complaints linked to it that had not been told yet
 */
public record RootCauseSettledEvent(Long rootCauseId, List<String> trackingNumbers) {}
