package io.rootfix.security;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Four eyes without traps: a task that a second person must do ("Verify the fix", "Review the answer") is not
 * offered to the first one at all. Camunda cannot say "everyone in group X except Y", and a Tasklist filter cannot
 * say "not me"; so when the task is created it is offered to the group's other members, by name, and the filters
 * ask for tasks offered to the user (the engine adds the user's groups). A member who joins the group later is not
 * offered a task created before; a team lead can assign it to them. The step's own complete
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
   * Offers the task to the group's members but {@code firstPerson}. With nobody to leave out, or nobody else in the
   * group, the group itself is the candidate (and the complete listener refuses the first person). Called on create,
   * in place of the model's {@code candidateGroups}: a candidate link made in the same command cannot be taken back
   * in it (the engine looks for it in the database, where it is not yet).
   */
  public void offerToOthers(DelegateTask task, String group, String firstPerson) {
    List<String> others = firstPerson == null ? List.of()
        : actor.membersOf(group).stream().filter(member -> !member.equals(firstPerson)).toList();
    if (others.isEmpty()) {
      task.addCandidateGroup(group);
    } else {
      task.addCandidateUsers(others);
    }
  }

  /** Whether the person acting may still decide for the group (an admin always; Rootfix's own calls carry none). */
  public boolean mayDecide(String userId, String group) {
    return userId == null || actor.isMemberOf(userId, group, Groups.ADMINS);
  }
}
