namespace ParIndex.Core.Workflow;

/// <summary>
/// The assessment state machine (SPEC 2.6), enforced on the server: which action is legal from
/// which state and for which role. Pure: deadlines are passed in by the caller.
/// </summary>
public static class WorkflowRules
{
    private sealed record Transition(WorkflowAction Action, AssessmentStatus From, AssessmentStatus To, Role[] Roles);

    private static readonly Transition[] Transitions =
    [
        new(WorkflowAction.Submit, AssessmentStatus.Draft, AssessmentStatus.Submitted, [Role.UnitLead]),
        new(WorkflowAction.Withdraw, AssessmentStatus.Submitted, AssessmentStatus.Draft, [Role.UnitLead]),
        new(WorkflowAction.StartAppraisal, AssessmentStatus.Submitted, AssessmentStatus.UnderAppraisal, [Role.Appraiser, Role.Coordinator]),
        new(WorkflowAction.SendPreliminary, AssessmentStatus.UnderAppraisal, AssessmentStatus.PreliminarySent, [Role.Coordinator]),
        new(WorkflowAction.Respond, AssessmentStatus.PreliminarySent, AssessmentStatus.Responded, [Role.UnitLead]),
        new(WorkflowAction.Approve, AssessmentStatus.PreliminarySent, AssessmentStatus.Final, [Role.CouncilChair]),
        new(WorkflowAction.Approve, AssessmentStatus.Responded, AssessmentStatus.Final, [Role.CouncilChair]),
        new(WorkflowAction.Publish, AssessmentStatus.Final, AssessmentStatus.Published, [Role.Coordinator]),
    ];

    /// <summary>
    /// Decides a transition. Returns the new state, or a Vietnamese reason why not.
    /// <paramref name="deadlinePassed"/> is the relevant deadline for Submit (self-assessment,
    /// unless the coordinator granted an exception) and Respond (response round).
    /// </summary>
    public static WorkflowDecision Decide(AssessmentStatus from, WorkflowAction action, IReadOnlyCollection<Role> roles, bool deadlinePassed = false)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var candidates = Transitions.Where(t => t.Action == action).ToList();
        var transition = candidates.FirstOrDefault(t => t.From == from);
        if (transition is null)
        {
            var allowedFrom = string.Join(", ", candidates.Select(t => StatusNames.Vietnamese(t.From)));
            var allowedFromEnglish = string.Join(", ", candidates.Select(t => StatusNames.English(t.From)));
            return WorkflowDecision.Refused(
                $"Không thể \"{ActionNames.Vietnamese(action)}\" khi bản đánh giá đang ở trạng thái \"{StatusNames.Vietnamese(from)}\" (chỉ được khi: {allowedFrom})",
                WorkflowRefusal.IllegalTransition,
                $"Cannot \"{ActionNames.English(action)}\" while the assessment is \"{StatusNames.English(from)}\" (only when: {allowedFromEnglish})");
        }

        if (!transition.Roles.Any(roles.Contains))
        {
            return WorkflowDecision.Refused(RoleRefusal(action), WorkflowRefusal.Forbidden, RoleRefusalEnglish(action));
        }

        if (deadlinePassed && action is WorkflowAction.Submit or WorkflowAction.Respond)
        {
            return WorkflowDecision.Refused("Đã quá hạn; đề nghị cơ quan thường trực gia hạn cho đơn vị", WorkflowRefusal.DeadlinePassed,
                "The deadline has passed; ask the PAR standing agency to extend it for the unit");
        }

        return WorkflowDecision.Allowed(transition.To);
    }

    /// <summary>
    /// The role check alone, before any state: null when one of <paramref name="roles"/> may take
    /// <paramref name="action"/> from some state, else the refusal. Campaign-wide actions ask this
    /// first, so that their refusal never depends on (and never reveals) the states of the units.
    /// </summary>
    public static string? RefuseRole(WorkflowAction action, IReadOnlyCollection<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return Transitions.Any(t => t.Action == action && t.Roles.Any(roles.Contains)) ? null : RoleRefusal(action);
    }

    private static string RoleRefusal(WorkflowAction action)
    {
        var allowed = Transitions.Where(t => t.Action == action).SelectMany(t => t.Roles).Distinct();
        return $"Chỉ {string.Join(" hoặc ", allowed.Select(RoleNames.Vietnamese))} được \"{ActionNames.Vietnamese(action)}\"";
    }

    /// <summary>The English text of the role refusal <see cref="RefuseRole"/> returns.</summary>
    public static string RoleRefusalEnglish(WorkflowAction action)
    {
        var allowed = Transitions.Where(t => t.Action == action).SelectMany(t => t.Roles).Distinct();
        return $"Only {string.Join(" or ", allowed.Select(RoleNames.English))} may \"{ActionNames.English(action)}\"";
    }

    /// <summary>The unit may change its self-assessment (scores, figures, explanations, evidence) only in draft.</summary>
    public static bool SelfAssessmentEditable(AssessmentStatus status) => status == AssessmentStatus.Draft;

    /// <summary>Appraisers set appraised scores during appraisal, and final scores after the unit's response.</summary>
    public static bool AppraisalEditable(AssessmentStatus status) =>
        status is AssessmentStatus.UnderAppraisal or AssessmentStatus.PreliminarySent or AssessmentStatus.Responded;

    /// <summary>The unit answers adjusted leaves while the preliminary result is with it.</summary>
    public static bool ResponseEditable(AssessmentStatus status) => status == AssessmentStatus.PreliminarySent;

    /// <summary>After publication nothing changes.</summary>
    public static bool Frozen(AssessmentStatus status) => status == AssessmentStatus.Published;
}

public enum WorkflowRefusal
{
    None,
    IllegalTransition,
    Forbidden,
    DeadlinePassed,
}

/// <summary>The outcome of <see cref="WorkflowRules.Decide"/>.</summary>
public sealed record WorkflowDecision(bool IsAllowed, AssessmentStatus? NewStatus, string? Reason, WorkflowRefusal Refusal)
{
    /// <summary>The reason in English, for a user of the English UI.</summary>
    public string? ReasonEnglish { get; init; }

    public static WorkflowDecision Allowed(AssessmentStatus to) => new(true, to, null, WorkflowRefusal.None);

    public static WorkflowDecision Refused(string reason, WorkflowRefusal refusal, string? english = null) =>
        new(false, null, reason, refusal) { ReasonEnglish = english };
}
