using ParIndex.Application.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Workflow;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Workflow;

/// <summary>
/// Who may do what with one assessment (SPEC 1, 2.6). Unit roles act only within their unit; a
/// contributing unit acts only on the criteria assigned to it.
/// </summary>
public static class AssessmentAccess
{
    public static bool CanRead(CurrentUser user, Assessment assessment) => Rights(user, assessment).Opens;

    /// <summary>Who <paramref name="user"/> is for this assessment, for the read rule of <see cref="ReadAccess"/>.</summary>
    public static Reader ReaderOf(CurrentUser user, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(assessment);
        if (user.IsAdministrator)
        {
            return Reader.Administrator;
        }

        if (user.IsCoordinator)
        {
            return Reader.Coordinator;
        }

        if (user.IsIn(Roles.Appraiser))
        {
            return Reader.Appraiser;
        }

        if (user.IsIn(Roles.CouncilChair))
        {
            return Reader.CouncilChair;
        }

        if (user.UnitId is not { } unit)
        {
            return Reader.OtherUnit;
        }

        if (unit == assessment.UnitId)
        {
            return user.IsIn(Roles.UnitLead) ? Reader.UnitLead : Reader.UnitEditor;
        }

        return assessment.Assignments.Any(a => a.ContributingUnitId == unit) ? Reader.ContributingAgency : Reader.OtherUnit;
    }

    /// <summary>What <paramref name="user"/> may see of this assessment in its current state (ADR 0107).</summary>
    public static ReadRights Rights(CurrentUser user, Assessment assessment) =>
        ReadAccess.For(ReaderOf(user, assessment), assessment.Status);

    /// <summary>May this user see this leaf (its scores, figures, explanation, evidence and history)?</summary>
    public static bool SeesLeaf(CurrentUser user, Assessment assessment, ReadRights rights, string leafCode)
    {
        ArgumentNullException.ThrowIfNull(rights);
        return rights.Leaves switch
        {
            LeafScope.All => true,
            LeafScope.AssignedFields => user.UnitId is { } unit && assessment.Assignments.Any(a => a.ContributingUnitId == unit && a.Covers(leafCode)),
            _ => false,
        };
    }

    /// <summary>
    /// The part of the framework this user sees: all of it, or, for a contributing agency, the
    /// subtrees assigned to its unit (so totals, fields and leaves are those of its criteria only).
    /// </summary>
    public static Framework Visible(Framework framework, CurrentUser user, Assessment assessment, ReadRights rights)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(rights);
        if (rights.Leaves == LeafScope.All)
        {
            return framework;
        }

        // The top-most assigned nodes, in official order: a node whose parent is itself assigned is already inside.
        var roots = rights.Leaves == LeafScope.None
            ? []
            : framework.AllNodes()
                .Where(n => SeesLeaf(user, assessment, rights, n.Code) && !SeesLeaf(user, assessment, rights, ParentCode(n.Code)))
                .ToList();
        return new Framework
        {
            Id = framework.Id,
            Version = framework.Version,
            Year = framework.Year,
            Title = framework.Title,
            UnitKind = framework.UnitKind,
            LegalBasis = framework.LegalBasis,
            Nodes = roots,
        };
    }

    private static string ParentCode(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? "" : code[..dot];
    }

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

    /// <summary>The English text of <see cref="LockReason"/>.</summary>
    public static string? LockReasonEnglish(Assessment assessment, Campaign campaign, DateTime utcNow)
    {
        if (!WorkflowRules.SelfAssessmentEditable(assessment.Status))
        {
            return $"The self-assessment is \"{StatusLabels.English(assessment.Status)}\": it cannot be edited.";
        }

        if (IsPastDeadline(assessment, campaign, utcNow))
        {
            return "The self-assessment deadline has passed: it cannot be edited. Contact the PAR standing agency for an extension.";
        }

        return null;
    }
}
