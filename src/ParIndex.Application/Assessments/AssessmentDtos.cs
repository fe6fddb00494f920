using System.Text.Json;

namespace ParIndex.Application.Assessments;

/// <summary>An assessment as the self-assessment page and the API show it: the tree in official order and the totals.</summary>
public sealed record AssessmentView(
    int Id,
    int CampaignId,
    string CampaignName,
    int UnitId,
    string UnitName,
    string Status,
    string StatusLabel,
    int Version,
    DateTime? Deadline,
    bool Editable,
    string? LockReason,
    bool CanSubmit,
    bool CanWithdraw,
    TotalsView Totals,
    IReadOnlyList<NodeView> Nodes,
    bool CanDownloadTable = true,
    bool SeesAssignedFieldsOnly = false,
    string? LockReasonEnglish = null);

/// <summary>One node of the tree; <see cref="Leaf"/> is set on leaves.</summary>
public sealed record NodeView(
    string Code,
    string Title,
    int Level,
    decimal Max,
    decimal Points,
    bool IsLeaf,
    bool IsSurvey,
    string? Guidance,
    LeafView? Leaf);

/// <summary>
/// What the unit entered for one leaf and what it earns. Survey leaves carry the points the
/// survey import gave them (<see cref="SurveyScore"/>, with its memo), read only.
/// </summary>
public sealed record LeafView(
    string Code,
    string Method,
    int Version,
    decimal? Score,
    string? Level,
    IReadOnlyDictionary<string, decimal> Figures,
    bool NotApplicable,
    string Explanation,
    decimal? Points,
    string? Memo,
    string? Error,
    bool Done,
    bool NeedsJustification,
    bool CanEdit,
    IReadOnlyList<InputField> Inputs,
    IReadOnlyList<LevelOption> Levels,
    IReadOnlyList<EvidenceView> Evidence,
    DateTime? UpdatedAt,
    string? UpdatedBy,
    decimal? SurveyScore = null,
    string? SurveyMemo = null,
    bool AssignedToMe = false,
    bool AppraisalChanged = false);

/// <summary>A figure the leaf's method asks for, with its kind (<c>count</c>, <c>amount</c>, <c>percent</c>, <c>decimal</c>) that decides how a typed text is read.</summary>
public sealed record InputField(string Name, string Label, string Kind);

/// <summary>A level of a levels leaf.</summary>
public sealed record LevelOption(string Key, string Label, decimal Points);

/// <summary>Evidence attached to a leaf (metadata only).</summary>
public sealed record EvidenceView(
    Guid Id,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? DocumentNumber,
    DateOnly? DocumentDate,
    string UploadedBy,
    DateTime UploadedAt,
    IReadOnlyList<string> LeafCodes);

/// <summary>Running totals: overall and per field.</summary>
public sealed record TotalsView(
    decimal Points,
    decimal Max,
    decimal SelfAssessableMax,
    decimal? Index,
    decimal? SelfAssessedShare,
    int LeavesTotal,
    int LeavesDone,
    int LeavesFlagged,
    IReadOnlyList<FieldTotal> Fields)
{
    /// <summary>The share as shown (<c>95,96%</c>), formatted by the server so that the page and the API agree to the last digit.</summary>
    public string SelfAssessedShareText => SelfAssessedShare is { } share ? ParIndex.Core.Numbers.VietnameseNumbers.FormatPercent(share) : "–";
}

public sealed record FieldTotal(string Code, string Title, decimal Points, decimal Max, decimal SelfAssessableMax, decimal? SelfAssessedShare);

/// <summary>
/// A leaf save. Score and figures are JSON numbers or strings as the user typed them; they are read
/// where the leaf's rule is known (<see cref="LeafInputReader"/>): figures by their kind
/// (<c>14.000</c> is fourteen thousand for a count), the score either way (<c>1,5</c> or <c>1.5</c>).
/// <see cref="Version"/> is the version the user edited (0 for a leaf never saved).
/// </summary>
public sealed record LeafSaveRequest
{
    public int Version { get; init; }

    public JsonElement? Score { get; init; }

    public string? Level { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? Figures { get; init; }

    public bool NotApplicable { get; init; }

    public string? Explanation { get; init; }

    /// <summary>Optional reason recorded in the history.</summary>
    public string? Reason { get; init; }
}

/// <summary>The saved leaf and the new totals, so that the page updates without reloading.</summary>
public sealed record LeafSaveResult(LeafView Leaf, TotalsView Totals, IReadOnlyDictionary<string, decimal> NodePoints);

public sealed record HistoryView(DateTime At, string UserName, string Entity, string? LeafCode, string Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>An assessment in a list.</summary>
public sealed record AssessmentSummary(int Id, int CampaignId, string CampaignName, int Year, int UnitId, string UnitName, string Status, string StatusLabel);
