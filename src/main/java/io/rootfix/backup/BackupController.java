package io.rootfix.backup;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: take an online backup of the embedded database now, and list the backups kept. */
@RestController
class BackupController {

  private final DatabaseBackup backup;

  BackupController(DatabaseBackup backup) {
    this.backup = backup;
  }

  record BackupView(String file, long bytes, String takenAt, List<String> removed) {
  }

  @PostMapping("/api/admin/backup")
  ResponseEntity<BackupView> backUp() {
    DatabaseBackup.Backup taken = backup.create();
    return ResponseEntity.status(HttpStatus.CREATED).body(new BackupView(taken.file().toString(), taken.bytes(),
        taken.takenAt().toString(), taken.removed().stream().map(Object::toString).toList()));
  }

  @GetMapping("/api/admin/backups")
  List<String> backups() {
    return backup.list().stream().map(Object::toString).toList();
  }
}
