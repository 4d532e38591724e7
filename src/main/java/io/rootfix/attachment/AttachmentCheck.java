package io.rootfix.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Checks files against the limits and the allowed types, by their content; stores nothing. */
@Component
public class AttachmentCheck {

  /** A file that passed, with the type its content shows. */
  public record Accepted(IncomingFile file, FileType type) {}

  /** A file that did not, with why, in words a customer understands. */
  public record Refused(int index, String fileName, Reason reason, String detail) {
    public String message() {
      return fileName + ": " + detail;
    }
  }

  public enum Reason { TOO_LARGE, TOO_MUCH_IN_TOTAL, NOT_ALLOWED, EMPTY }

  public record Result(List<Accepted> accepted, List<Refused> refused) {
    public boolean allAccepted() {
      return refused.isEmpty();
    }
  }

  private final AttachmentSettings settings;

  public AttachmentCheck(AttachmentSettings settings) {
    this.settings = settings;
  }

  public AttachmentSettings settings() {
    return settings;
  }

  /**
   * @param alreadyStored the bytes the complaint holds already, which count towards its total
   */
  public Result check(List<IncomingFile> files, long alreadyStored) {
    List<Accepted> accepted = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    long total = alreadyStored;
    for (int i = 0; i < files.size(); i++) {
      IncomingFile file = files.get(i);
      byte[] content = file.content();
      if (content.length == 0) {
        refused.add(new Refused(i, file.fileName(), Reason.EMPTY, "the file is empty"));
        continue;
      }
      if (content.length > settings.maxFileSize().toBytes()) {
        refused.add(new Refused(i, file.fileName(), Reason.TOO_LARGE, "is " + readable(content.length)
            + ", larger than the " + readable(settings.maxFileSize().toBytes()) + " a file may be"));
        continue;
      }
      Optional<FileType> type = FileType.detect(content).filter(settings.allowed()::contains);
      if (type.isEmpty()) {
        refused.add(new Refused(i, file.fileName(), Reason.NOT_ALLOWED, "is not " + allowedInWords()
            + " (recognised by its content, not its name)"));
        continue;
      }
      if (total + content.length > settings.maxPerComplaint().toBytes()) {
        refused.add(new Refused(i, file.fileName(), Reason.TOO_MUCH_IN_TOTAL, "would bring the complaint's files to "
            + readable(total + content.length) + ", more than the " + readable(settings.maxPerComplaint().toBytes())
            + " one complaint may hold"));
        continue;
      }
      total += content.length;
      accepted.add(new Accepted(file, type.get()));
    }
    return new Result(List.copyOf(accepted), List.copyOf(refused));
  }

  public String allowedInWords() {
    List<String> labels = settings.allowed().stream().map(FileType::label).toList();
    return labels.size() == 1 ? "a " + labels.get(0)
        : "a " + labels.subList(0, labels.size() - 1).stream().collect(Collectors.joining(", "))
            + " or " + labels.get(labels.size() - 1);
  }

  public static String readable(long bytes) {
    if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace(".0 MB", " MB");
    }
    if (bytes >= 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
