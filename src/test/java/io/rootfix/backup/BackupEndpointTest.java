package io.rootfix.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Only an administrator may take a backup: anyone else is refused and nothing is written. */
class BackupEndpointTest extends RootfixIntegrationTest {

  @Autowired
  DatabaseBackup backup;

  @Test
  void onlyAnAdministratorMayTakeABackup() {
    List<?> before = backup.list();

    assertThat(http.postForEntity("/api/admin/backup", null, Map.class).getStatusCode().value()).isEqualTo(401);
    assertThat(as(AGENT).postForEntity("/api/admin/backup", null, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(as(AUDITOR).postForEntity("/api/admin/backup", null, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(as(LEAD).getForEntity("/api/admin/backups", String.class).getStatusCode().value()).isEqualTo(403);

    assertThat(backup.list()).as("no backup written").isEqualTo(before);
  }
}
