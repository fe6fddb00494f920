using ParIndex.Core.Workflow;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Web.Accounts;

namespace ParIndex.Web.Assessments;

/// <summary>
/// Who may do what with one assessment (SPEC 1, 2.6). Unit roles act only within their unit; a
/// contributing unit acts only on the criteria assigned to it.
/// </summary>
public static class AssessmentAccess
{
    public static bool CanRead(CurrentUser user, Assessment assessment) =>
        user.SeesAllUnits
        || (user.UnitId is { } unit && (unit == assessment.UnitId || assessment.Assignments.Any(a => a.ContributingUnitId == unit)));

    /// <summary>May this user change the inputs of this leaf (state and deadline aside)?</summary>
    public static bool CanEditLeaf(CurrentUser user, Assessment assessment, string leafCode)
    {
        if (user.IsCoordinator)
        {
            return true; // the coordinator consolidates the table
        }

        if (user.UnitId is not { } unit)
        {
            return false;
        }

        if (unit == assessment.UnitId)
        {
            return user.IsIn(Roles.UnitEditor) || user.IsIn(Roles.UnitLead);
        }

        return user.IsIn(Roles.UnitEditor)
            && assessment.Assignments.Any(a => a.ContributingUnitId == unit && a.Covers(leafCode));
    }

    /// <summary>May this user edit any leaf at all (used to show the page read-only or not)?</summary>
    public static bool CanEditSomething(CurrentUser user, Assessment assessment) =>
        user.IsCoordinator
        || (user.UnitId is { } unit
            && ((unit == assessment.UnitId && (user.IsIn(Roles.UnitEditor) || user.IsIn(Roles.UnitLead)))
                || (user.IsIn(Roles.UnitEditor) && assessment.Assignments.Any(a => a.ContributingUnitId == unit))));

    public static bool IsLead(CurrentUser user, Assessment assessment) =>
        user.IsIn(Roles.UnitLead) && user.UnitId == assessment.UnitId;

    /// <summary>The instant after which the unit can no longer edit, or null when there is none.</summary>
    public static DateTime? EffectiveDeadline(Assessment assessment, Campaign campaign) =>
        assessment.DeadlineException ?? campaign.SelfAssessmentDeadline;

    public static bool IsPastDeadline(Assessment assessment, Campaign campaign, DateTime utcNow) =>
        EffectiveDeadline(assessment, campaign) is { } deadline && utcNow > deadline;

    /// <summary>Why the self-assessment cannot be edited now, or null when it can.</summary>
    public static string? LockReason(Assessment assessment, Campaign campaign, DateTime utcNow)
    {
        if (!WorkflowRules.SelfAssessmentEditable(assessment.Status))
        {
            return $"Bản tự đánh giá đang ở trạng thái \"{StatusLabels.Vietnamese(assessment.Status)}\": không thể chỉnh sửa.";
        }

        if (IsPastDeadline(assessment, campaign, utcNow))
        {
            return "Đã quá hạn tự đánh giá: không thể chỉnh sửa. Liên hệ cơ quan thường trực CCHC để được gia hạn.";
        }

        return null;
    }
}
