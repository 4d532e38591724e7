package io.rootfix.security;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Four eyes without traps: a task that a second person must do ("Verify the fix", "Review the answer") is not
 * offered to the first one at all. Camunda cannot say "everyone in group X except Y", and a Tasklist filter cannot
 * say "not me"; so when the task is created its candidate group gives way to the group's other members, by name,
 * and the filters ask for tasks offered to the user (the engine adds the user's groups). The step's own complete
 * listener still refuses the first person (defence in depth: a lead can still assign the task to her), and
 * {@link #mayDecide} refuses someone who has left the group since the task was offered.
 */
@Component
public class FourEyes {

  private final TaskActor actor;

  FourEyes(TaskActor actor) {
    this.actor = actor;
  }

  /**
   * Offers the task to the group's members but {@code firstPerson}. Nobody else in the group (or nobody to leave
   * out): the group keeps it, and the complete listener refuses the first person.
   */
  public void offerToOthers(DelegateTask task, String group, String firstPerson) {
    if (firstPerson == null) {
      return;
    }
    List<String> others = actor.membersOf(group).stream().filter(member -> !member.equals(firstPerson)).toList();
    if (others.isEmpty()) {
      return;
    }
    task.deleteCandidateGroup(group);
    task.addCandidateUsers(others);
  }

  /** Whether the person acting may still decide for the group (an admin always; Rootfix's own calls carry none). */
  public boolean mayDecide(String userId, String group) {
    return userId == null || actor.isMemberOf(userId, group, Groups.ADMINS);
  }
}
