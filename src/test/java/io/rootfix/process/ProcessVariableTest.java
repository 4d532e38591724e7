package io.rootfix.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.rootfix.complaint.ComplaintProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** Typed variables: one declaration of name and type, and a wrong type fails naming the variable. */
class ProcessVariableTest {

  @Test
  void aNumberReadsAsItsDeclaredTypeWhateverJavaTypeStoredIt() {
    Map<String, Object> stored = new HashMap<>();
    stored.put(ComplaintProcess.Var.COMPLAINT_ID, 42);
    stored.put(ComplaintProcess.Var.CLAIMED_AMOUNT, 12L);

    assertThat(ComplaintProcess.COMPLAINT_ID.from(stored)).isEqualTo(42L);
    assertThat(ComplaintProcess.CLAIMED_AMOUNT.from(stored)).isEqualTo(12.0);
    assertThat(ComplaintProcess.OWNER.from(stored)).isNull();
  }

  @Test
  void aValueOfAnotherTypeFailsNamingTheVariableInsteadOfReadingAsUnset() {
    Map<String, Object> stored = Map.of(ComplaintProcess.Var.COMPLAINT_ID, "42", ComplaintProcess.Var.RESOLVED, "yes");

    assertThatThrownBy(() -> ComplaintProcess.COMPLAINT_ID.from(stored))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("complaintId").hasMessageContaining("String");
    assertThatThrownBy(() -> ComplaintProcess.RESOLVED.from(stored))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("resolved");
  }

  @Test
  void writesOnTheScopeAndRequiresWhatTheProcessMustHaveSet() {
    DelegateExecution execution = mock(DelegateExecution.class);

    ComplaintProcess.COMPLAINT_ID.on(execution).set(7L);
    ComplaintProcess.CUSTOMER_WAITING_FOR_UPDATE.on(execution).setLocal(true);

    verify(execution).setVariable(ComplaintProcess.Var.COMPLAINT_ID, 7L);
    verify(execution).setVariableLocal(ComplaintProcess.Var.CUSTOMER_WAITING_FOR_UPDATE, true);
    assertThatThrownBy(() -> ComplaintProcess.COMPLAINT_ID.require(execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("complaintId is not set");
    assertThat(ComplaintProcess.REVIEW_NEEDED.isTrue(execution)).isFalse();
  }
}
