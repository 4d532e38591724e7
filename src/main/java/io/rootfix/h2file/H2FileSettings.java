package io.rootfix.h2file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rootfix.h2.compaction.*}: keeping the embedded H2 file from growing without bound (docs/operators.md
 * "The H2 file: compaction and compressed pages"). Nothing here applies to PostgreSQL or to an in-memory H2.
 *
 * @param enabled whether Rootfix compacts the H2 file while it runs; on by default, since without it the file grows
 *     with every commit (H2's own compaction runs only in its background writer, which {@code WRITE_DELAY=0} turns off)
 * @param interval how often a pass looks at the file (and compacts when the live share is below the target)
 * @param targetFillRate the share of live data (percent) in the file's chunks below which a pass rewrites chunks
 * @param writeLimit at most this much live data is rewritten at once (a pass makes up to four such rewrites): each
 *     holds H2's store lock, so commits wait for it; small rewrites keep the wait short (4MB every 5 s made passes of
 *     1.1-1.4 s and an intake p99 of 300 ms at four clients; 1MB every 2 s none over a second and 80 ms in the same
 *     runs, for a third more file: BENCHMARKS.md "H2 compaction and the intake's tail")
 */
@ConfigurationProperties("rootfix.h2.compaction")
public record H2FileSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT2S") Duration interval,
    @DefaultValue("60") int targetFillRate,
    @DefaultValue("1MB") DataSize writeLimit) {

  public H2FileSettings {
    if (targetFillRate < 1 || targetFillRate > 99) {
      throw new IllegalArgumentException("rootfix.h2.compaction.target-fill-rate must be between 1 and 99, not " + targetFillRate);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("rootfix.h2.compaction.interval must be positive, not " + interval);
    }
    if (writeLimit.toBytes() < 64 * 1024 || writeLimit.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rootfix.h2.compaction.write-limit must be between 64KB and 2GB, not " + writeLimit);
    }
  }
}
