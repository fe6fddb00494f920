using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Assessments;

/// <summary>
/// The checklist shown before a workflow step and the "what happens next" shown after it. The
/// decision whether the step is allowed is the workflow's own (<see cref="AssessmentWorkflow.DecideAsync"/>),
/// asked without applying anything, so the checklist and the step cannot disagree.
/// </summary>
public sealed class ActionChecklistService(AssessmentService assessments, AssessmentWorkflow workflow)
{
    public async Task<ActionChecklist> GetAsync(int id, WorkflowAction action, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        string? refusal = null;
        string? refusalEnglish = null;
        try
        {
            await workflow.DecideAsync(assessment, action, user, cancellationToken);
        }
        catch (DomainException e)
        {
            refusal = e.Message;
            refusalEnglish = e.EnglishDetail;
        }

        IReadOnlyList<ChecklistLeaf> unscored = [];
        IReadOnlyList<ChecklistLeaf> unjustified = [];
        IReadOnlyList<ChecklistAssignment> assignments = [];
        if (action == WorkflowAction.Submit)
        {
            var view = await assessments.GetAsync(id, user, cancellationToken);
            var leaves = view.Nodes.Where(n => n.Leaf is not null && !n.IsSurvey).ToList();
            unscored = leaves.Where(n => !n.Leaf!.Done).Select(n => new ChecklistLeaf(n.Code, n.Title)).ToList();
            unjustified = leaves.Where(n => n.Leaf!.NeedsJustification).Select(n => new ChecklistLeaf(n.Code, n.Title)).ToList();
            assignments = assessment.Assignments
                .Select(a =>
                {
                    var covered = leaves.Where(n => a.Covers(n.Code)).ToList();
                    return new ChecklistAssignment(a.CodePrefix, a.ContributingUnit?.Name ?? "", covered.Count(n => n.Leaf!.Done), covered.Count);
                })
                .Where(a => a.LeavesDone < a.LeavesTotal)
                .OrderBy(a => a.CodePrefix, StringComparer.Ordinal)
                .ToList();
        }

        return new ActionChecklist(id, WorkflowActionNames.Slug(action), refusal is null, refusal, refusalEnglish, unscored, unjustified, assignments,
            NextAfter(action, assessment, assessment.Campaign!));
    }

    /// <summary>What happens once <paramref name="action"/> is done, and by when the next step is due.</summary>
    public static NextStep NextAfter(WorkflowAction action, Assessment assessment, Campaign campaign) => action switch
    {
        WorkflowAction.Submit => new(
            "Bản tự đánh giá đã chuyển cho Hội đồng thẩm định và không sửa được nữa. Lãnh đạo đơn vị có thể rút lại để sửa cho đến khi bắt đầu thẩm định, trong hạn tự đánh giá.",
            "The self-assessment has gone to the appraisal council and can no longer be edited. The unit lead may withdraw it to make changes until appraisal starts, within the self-assessment deadline.",
            AssessmentAccess.EffectiveDeadline(assessment, campaign)),
        WorkflowAction.Withdraw => new(
            "Bản tự đánh giá trở lại trạng thái đang soạn: đơn vị sửa tiếp và lãnh đạo gửi lại trước hạn tự đánh giá.",
            "The self-assessment is a draft again: the unit goes on editing and the lead submits it again before the self-assessment deadline.",
            AssessmentAccess.EffectiveDeadline(assessment, campaign)),
        WorkflowAction.StartAppraisal => new(
            "Bản tự đánh giá bị khoá; thẩm định viên chấm từng tiêu chí, sau đó điều phối viên gửi kết quả sơ bộ cho đơn vị.",
            "The self-assessment is locked; appraisers score each criterion, then the coordinator sends the preliminary result to the unit.",
            null),
        WorkflowAction.SendPreliminary => new(
            "Đơn vị xem kết quả thẩm định sơ bộ và có thể giải trình, bổ sung tài liệu đến hạn giải trình.",
            "The unit sees the preliminary appraisal and may respond and add evidence until the response deadline.",
            campaign.ResponseDeadline),
        WorkflowAction.Respond => new(
            "Hội đồng thẩm định xem giải trình của đơn vị và Chủ tịch Hội đồng phê duyệt kết quả cuối cùng.",
            "The appraisal council reads the unit's responses and the council chair approves the final result.",
            null),
        WorkflowAction.Approve => new(
            "Kết quả cuối cùng đã được phê duyệt và chờ điều phối viên công bố.",
            "The final result is approved and waits for the coordinator to publish it.",
            null),
        WorkflowAction.Publish => new(
            "Kết quả được công bố công khai và không thay đổi được nữa.",
            "The result is published and can no longer change.",
            null),
        _ => new("", "", null),
    };
}
