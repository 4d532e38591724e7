package io.rootfix.notify;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The message templates as deployed: like the models, they are resources of the engine's deployments (from
 * {@code templates/} at start-up, or over the REST API by a process owner), and the newest deployed file of each
 * kind and language wins. Read from the engine's tables directly, so that neither the signed-in agent's
 * authorizations nor an anonymous customer's request decide which wording applies; re-read only when the
 * deployments changed, which a deployment on another node of the cluster does too.
 *
 * <p>For other features: {@link #render(MessageKind, Language, Map)} is the one way to word a message.
 */
@Service
public class MessageTemplates {

  private final JdbcTemplate jdbc;
  private volatile Loaded loaded;

  public MessageTemplates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private record Loaded(String version, Map<MessageKind, Map<Language, MessageTemplate>> templates) {}

  /**
   * The message of this kind in this language (Dutch where that language has no template), with these values;
   * values a kind does not know are ignored, missing ones are empty.
   */
  public MessageTemplate.Rendered render(MessageKind kind, Language language, Map<String, String> values) {
    Map<Language, MessageTemplate> byLanguage = current().templates().getOrDefault(kind, Map.of());
    MessageTemplate template = byLanguage.containsKey(language) ? byLanguage.get(language) : byLanguage.get(Language.DEFAULT);
    if (template == null) {
      throw new IllegalStateException("No template for message " + kind.fileName() + " in " + language.code()
          + " or " + Language.DEFAULT.code() + ": deploy templates/" + kind.fileName() + "." + Language.DEFAULT.code() + ".txt");
    }
    return template.render(values);
  }

  /** The kinds and languages that have a deployed template. */
  public Map<MessageKind, Map<Language, MessageTemplate>> deployed() {
    return current().templates();
  }

  private Loaded current() {
    String version = jdbc.queryForObject("select count(*) || '/' || coalesce(max(ID_), '') from ACT_RE_DEPLOYMENT",
        String.class);
    Loaded now = loaded;
    if (now == null || !Objects.equals(now.version(), version)) {
      now = new Loaded(version, load());
      loaded = now;
    }
    return now;
  }

  /** Oldest deployment first, so a newer file of the same name replaces an older one. */
  private Map<MessageKind, Map<Language, MessageTemplate>> load() {
    List<Map<String, Object>> rows = jdbc.queryForList("select b.NAME_ as name, b.BYTES_ as bytes"
        + " from ACT_RE_DEPLOYMENT d join ACT_GE_BYTEARRAY b on b.DEPLOYMENT_ID_ = d.ID_"
        + " where b.NAME_ like '%.txt' order by d.DEPLOY_TIME_ asc, b.NAME_ asc");
    Map<MessageKind, Map<Language, MessageTemplate>> templates = new EnumMap<>(MessageKind.class);
    for (Map<String, Object> row : rows) {
      String name = (String) row.get("name");
      // Checked when deployed; one deployed before the check existed and now invalid is skipped, not fatal.
      if (MessageTemplate.check(name, text(row.get("bytes"))).isEmpty()) {
        MessageTemplate template = MessageTemplate.parse(name, text(row.get("bytes")));
        templates.computeIfAbsent(template.kind(), k -> new EnumMap<>(Language.class)).put(template.language(), template);
      }
    }
    return templates;
  }

  private static String text(Object bytes) {
    return new String((byte[]) bytes, StandardCharsets.UTF_8);
  }
}
