package io.rootfix.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintIntakeService.RecognisedContact;
import io.rootfix.customer.Customer;
import io.rootfix.customer.Recognition;
import io.rootfix.reason.ControlledReasons;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * The intake is checked and typed once per contact: the process's first steps take the intake the intake API
 * checked, and check the phone-intake start form's values once, in Recognise customer, for the step after it.
 */
class IntakeCheckedOnceTest {

  private final ComplaintIntakeService complaints = mock(ComplaintIntakeService.class);
  private final ComplaintDelegates delegates = new ComplaintDelegates(complaints, mock(ComplaintService.class),
      mock(ComplaintAnswerService.class), new ObjectMapper(), Clock.systemUTC(), mock(ControlledReasons.class));
  private final IntakeForm form = new IntakeForm("Eva de Wit", "eva@example.com", null, null, null, "web", "delivery",
      "The parcel arrived broken.", "replacement", null, null, new BigDecimal("12.50"), null, null, null);
  private final ComplaintIntake intake = form.toIntake();
  private final Map<String, Object> variables = new HashMap<>();
  private final DelegateExecution execution = execution();

  @Test
  void theFirstStepsTakeTheIntakeTheApiCheckedWithoutCheckingItAgain() throws Exception {
    variables.putAll(form.toVariables());
    variables.put(ComplaintProcess.Var.INTAKE, intake);
    newMatter();

    delegates.recogniseCustomer().execute(execution);
    delegates.registerComplaint().execute(execution);

    verify(complaints, never()).checked(any());
    verify(complaints).register(eq(intake), anyString(), eq(7L), isNull());
  }

  @Test
  void aStartFormsValuesAreCheckedOnceAndHandedOnToTheNextStep() throws Exception {
    variables.putAll(form.toVariables());
    when(complaints.checked(any())).thenReturn(intake);
    newMatter();

    delegates.recogniseCustomer().execute(execution);
    delegates.registerComplaint().execute(execution);

    verify(complaints, times(1)).checked(any());
    verify(complaints).register(eq(intake), anyString(), eq(7L), isNull());
  }

  /** A model revised to commit between the steps loses the transient intake: the next step checks it itself. */
  @Test
  void withoutTheHandedOnIntakeAStepChecksTheValuesItself() throws Exception {
    variables.putAll(form.toVariables());
    variables.put(ComplaintProcess.Var.CUSTOMER_ID, 7L);
    when(complaints.checked(any())).thenReturn(intake);
    when(complaints.register(any(), anyString(), eq(7L), isNull())).thenReturn(new Complaint(intake, Instant.now()));

    delegates.registerComplaint().execute(execution);

    verify(complaints).checked(any());
  }

  private void newMatter() {
    Customer customer = mock(Customer.class);
    when(customer.getId()).thenReturn(7L);
    when(complaints.recogniseContact(intake)).thenReturn(new RecognisedContact(new Recognition(customer, null), null));
    when(complaints.register(eq(intake), anyString(), eq(7L), isNull())).thenReturn(new Complaint(intake, Instant.now()));
  }

  /** An execution over a plain map; a transient value is stored as its value, as the engine hands it back. */
  private DelegateExecution execution() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessInstanceId()).thenReturn("instance-1");
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(execution.getVariables()).thenAnswer(call -> Variables.fromMap(variables));
    org.mockito.Mockito.doAnswer(call -> {
      Object value = call.getArgument(1);
      if (value instanceof TypedValue typed) {
        assertThat(typed.isTransient()).as("the intake is never stored").isTrue();
        value = typed.getValue();
      }
      variables.put(call.getArgument(0), value);
      return null;
    }).when(execution).setVariable(anyString(), any());
    return execution;
  }
}
