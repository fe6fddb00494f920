using ParIndex.Core.Workflow;

namespace ParIndex.Application.Workflow;

/// <summary>The URL names of workflow actions (<c>/api/assessments/{id}/actions/send-preliminary</c>).</summary>
public static class WorkflowActionNames
{
    public static string Slug(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "submit",
        WorkflowAction.Withdraw => "withdraw",
        WorkflowAction.StartAppraisal => "start-appraisal",
        WorkflowAction.SendPreliminary => "send-preliminary",
        WorkflowAction.Respond => "respond",
        WorkflowAction.Approve => "approve",
        WorkflowAction.Publish => "publish",
        _ => action.ToString(),
    };

    public static WorkflowAction? Parse(string slug) =>
        Enum.GetValues<WorkflowAction>().Cast<WorkflowAction?>().FirstOrDefault(a => Slug(a!.Value) == slug);
}
