package io.rootfix.attachment;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A file as a customer sent it: the name they gave it (only shown, never trusted) and its bytes. */
public record IncomingFile(String fileName, byte[] content) {

  public IncomingFile {
    fileName = cleanName(fileName);
  }

  /** The files of a multipart request's parts with this name; a file input left empty sends none. */
  public static List<IncomingFile> fromParts(HttpServletRequest request, String name) throws IOException, ServletException {
    List<IncomingFile> files = new ArrayList<>();
    for (Part part : request.getParts()) {
      if (!name.equals(part.getName()) || part.getSubmittedFileName() == null
          || (part.getSize() == 0 && part.getSubmittedFileName().isEmpty())) {
        continue;
      }
      try (InputStream in = part.getInputStream()) {
        files.add(new IncomingFile(part.getSubmittedFileName(), in.readAllBytes()));
      }
    }
    return files;
  }

  /**
   * The last part of the name without control characters, at most 200 characters; a name is only a label
   * here, it never becomes a path.
   */
  static String cleanName(String name) {
    if (name == null || name.isBlank()) {
      return "file";
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String clean = last.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"]", "").strip();
    if (clean.isEmpty()) {
      return "file";
    }
    return clean.length() > 200 ? clean.substring(clean.length() - 200) : clean;
  }
}
