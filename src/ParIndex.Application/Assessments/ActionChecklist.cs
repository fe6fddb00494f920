namespace ParIndex.Application.Assessments;

/// <summary>
/// What a user should know before one workflow step on one assessment (submit, withdraw, each
/// appraisal step): whether it is allowed now and why not, the content that is still missing
/// (warnings, they do not block), and what happens next with the deadline of that next step.
/// </summary>
public sealed record ActionChecklist(
    int AssessmentId,
    string Action,
    bool Allowed,
    string? Refusal,
    string? RefusalEnglish,
    IReadOnlyList<ChecklistLeaf> Unscored,
    IReadOnlyList<ChecklistLeaf> WithoutJustification,
    IReadOnlyList<ChecklistAssignment> UnfinishedAssignments,
    NextStep Next)
{
    /// <summary>True when nothing is missing: the confirmation can say "everything is filled in".</summary>
    public bool Complete => Unscored.Count == 0 && WithoutJustification.Count == 0 && UnfinishedAssignments.Count == 0;
}

/// <summary>A leaf named in a checklist.</summary>
public sealed record ChecklistLeaf(string Code, string Title);

/// <summary>A contributing agency's assignment whose leaves are not all scored.</summary>
public sealed record ChecklistAssignment(string CodePrefix, string UnitName, int LeavesDone, int LeavesTotal);

/// <summary>What happens after the step, in both languages, and the deadline of that next step (UTC) if one is set.</summary>
public sealed record NextStep(string Text, string TextEnglish, DateTime? Deadline);
