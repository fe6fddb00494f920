using ParIndex.Core.Workflow;

namespace ParIndex.Core.Tests.Workflow;

public class WorkflowRulesTests
{
    [Fact]
    public void The_full_path_from_draft_to_published()
    {
        var path = new (WorkflowAction Action, Role Role, AssessmentStatus Expected)[]
        {
            (WorkflowAction.Submit, Role.UnitLead, AssessmentStatus.Submitted),
            (WorkflowAction.StartAppraisal, Role.Appraiser, AssessmentStatus.UnderAppraisal),
            (WorkflowAction.SendPreliminary, Role.Coordinator, AssessmentStatus.PreliminarySent),
            (WorkflowAction.Respond, Role.UnitLead, AssessmentStatus.Responded),
            (WorkflowAction.Approve, Role.CouncilChair, AssessmentStatus.Final),
            (WorkflowAction.Publish, Role.Coordinator, AssessmentStatus.Published),
        };
        var status = AssessmentStatus.Draft;
        foreach (var step in path)
        {
            var decision = WorkflowRules.Decide(status, step.Action, [step.Role]);
            Assert.True(decision.IsAllowed, decision.Reason);
            status = decision.NewStatus!.Value;
            Assert.Equal(step.Expected, status);
        }

        Assert.True(WorkflowRules.Frozen(status));
    }

    [Fact]
    public void Every_transition_not_in_the_table_is_refused()
    {
        var legal = new HashSet<(AssessmentStatus, WorkflowAction)>
        {
            (AssessmentStatus.Draft, WorkflowAction.Submit), (AssessmentStatus.Submitted, WorkflowAction.Withdraw),
            (AssessmentStatus.Submitted, WorkflowAction.StartAppraisal), (AssessmentStatus.UnderAppraisal, WorkflowAction.SendPreliminary),
            (AssessmentStatus.PreliminarySent, WorkflowAction.Respond), (AssessmentStatus.PreliminarySent, WorkflowAction.Approve),
            (AssessmentStatus.Responded, WorkflowAction.Approve), (AssessmentStatus.Final, WorkflowAction.Publish),
        };
        var allRoles = Enum.GetValues<Role>();
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                var decision = WorkflowRules.Decide(status, action, allRoles);
                Assert.Equal(legal.Contains((status, action)), decision.IsAllowed);
                if (!decision.IsAllowed)
                {
                    Assert.Equal(WorkflowRefusal.IllegalTransition, decision.Refusal);
                }
            }
        }
    }

    [Fact]
    public void Withdraw_is_refused_once_appraisal_has_started()
    {
        var decision = WorkflowRules.Decide(AssessmentStatus.UnderAppraisal, WorkflowAction.Withdraw, [Role.UnitLead]);
        Assert.False(decision.IsAllowed);
        Assert.Contains("Đang thẩm định", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_unit_lead_submits()
    {
        var decision = WorkflowRules.Decide(AssessmentStatus.Draft, WorkflowAction.Submit, [Role.UnitEditor]);
        Assert.Equal(WorkflowRefusal.Forbidden, decision.Refusal);
    }

    [Fact]
    public void The_deadline_stops_submission()
    {
        var decision = WorkflowRules.Decide(AssessmentStatus.Draft, WorkflowAction.Submit, [Role.UnitLead], deadlinePassed: true);
        Assert.Equal(WorkflowRefusal.DeadlinePassed, decision.Refusal);
    }
}
