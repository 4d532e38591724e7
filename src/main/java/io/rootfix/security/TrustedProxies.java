package io.rootfix.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Which connections may say who the client is ({@code rootfix.security.trusted-proxies}). Tomcat's
 * RemoteIpValve (Spring Boot's {@code server.forward-headers-strategy: native}) does the work: from a
 * trusted proxy it takes the client address from {@code X-Forwarded-For}, right to left, skipping further
 * trusted proxies, and the scheme from {@code X-Forwarded-Proto}. Out of the box that valve trusts every
 * private address, so anyone on a private network or behind a TCP load balancer could name any client
 * address and escape the rate limits; here it trusts exactly the configured proxies, and nobody when the
 * list is empty. The valve takes a regular expression; the list is turned into one so that nobody has to
 * write it: an IPv4 address, an IPv4 range ({@code 10.0.0.0/8}) or an IPv6 address.
 */
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final String regex;

  TrustedProxies(List<String> proxies) {
    this.regex = regex(proxies);
  }

  /** The valve's {@code internalProxies}: one alternative per entry; empty (nobody) for an empty list. */
  static String regex(List<String> proxies) {
    return proxies.stream().map(String::trim).filter(entry -> !entry.isEmpty())
        .map(TrustedProxies::entryRegex).collect(Collectors.joining("|"));
  }

  private static String entryRegex(String entry) {
    String[] addressAndBits = entry.split("/", 2);
    String address = addressAndBits[0];
    if (IPV4.matcher(address).matches()) {
      int bits = addressAndBits.length == 2 ? prefixLength(entry, addressAndBits[1], 32) : 32;
      return ipv4Range(entry, ipv4(entry, address), bits);
    }
    if (IPV6.matcher(address).matches() && addressAndBits.length == 1) {
      // Tomcat gives an IPv6 client in Java's uncompressed form (0:0:0:0:0:0:0:1), perhaps with a zone.
      return Pattern.quote(literal(entry, address).getHostAddress()) + "(%.*)?";
    }
    throw new IllegalArgumentException("rootfix.security.trusted-proxies: '" + entry
        + "' is not an IPv4 address, an IPv4 range like 10.0.0.0/8 or an IPv6 address");
  }

  /** The addresses of {@code bits}/32: the fixed octets as they are, the partly fixed one as its numbers. */
  private static String ipv4Range(String entry, int[] address, int bits) {
    StringBuilder regex = new StringBuilder();
    for (int octet = 0; octet < 4; octet++) {
      int fixed = Math.max(0, Math.min(8, bits - 8 * octet));
      int value = address[octet];
      int mask = (0xff << (8 - fixed)) & 0xff;
      if ((value & ~mask & 0xff) != 0) {
        throw new IllegalArgumentException("rootfix.security.trusted-proxies: '" + entry
            + "' has bits set beyond its prefix; write the range's first address");
      }
      int first = value & mask;
      int last = first | (~mask & 0xff);
      regex.append(octet == 0 ? "" : "\\.").append(first == last ? Integer.toString(first)
          : IntStream.rangeClosed(first, last).mapToObj(Integer::toString).collect(Collectors.joining("|", "(?:", ")")));
    }
    return regex.toString();
  }

  private static int prefixLength(String entry, String bits, int max) {
    try {
      int length = Integer.parseInt(bits);
      if (length >= 0 && length <= max) {
        return length;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("rootfix.security.trusted-proxies: '" + entry + "' has no prefix length 0-" + max);
  }

  private static int[] ipv4(String entry, String address) {
    int[] octets = Arrays.stream(address.split("\\.")).mapToInt(Integer::parseInt).toArray();
    if (Arrays.stream(octets).anyMatch(octet -> octet > 255)) {
      throw new IllegalArgumentException("rootfix.security.trusted-proxies: '" + entry + "' is not an IPv4 address");
    }
    return octets;
  }

  /** An IPv6 literal; never a DNS lookup (the pattern above lets only hex digits, dots and colons through). */
  private static InetAddress literal(String entry, String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("rootfix.security.trusted-proxies: '" + entry + "' is not an address", e);
    }
  }

  /** After Spring Boot's own customizer, which adds the valve with Tomcat's default (every private address). */
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    for (Valve valve : factory.getEngineValves()) {
      if (valve instanceof RemoteIpValve remoteIp) {
        remoteIp.setInternalProxies(regex);
        remoteIp.setTrustedProxies(null);
      }
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
