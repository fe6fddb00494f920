using System.Text.Json.Serialization;
using ParIndex.Application.Assessments;

namespace ParIndex.Application.Appraisal;

/// <summary>
/// An appraiser's decision on one leaf. <c>Accept</c> keeps the self score; otherwise either
/// <c>Score</c> or corrected <c>Figures</c>/<c>Level</c> (a computed leaf is re-computed) with a
/// required <c>Reason</c>. Figures are read by their kind where the rule is known (ADR 0007). During appraisal it sets the appraised score, after the preliminary
/// result the final score.
/// </summary>
public sealed record AppraisalRequest(
    int Version,
    bool Accept,
    [property: JsonConverter(typeof(FlexibleDecimalConverter))] decimal? Score,
    string? Level,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Figures,
    string? Reason);

/// <summary>The unit's answer to an adjusted leaf.</summary>
public sealed record ResponseRequest(int Version, string? Text);

public sealed record AppraiserAssignmentRequest(string UserName, int? UnitId, string? CodePrefix);

public sealed record AppraiserAssignmentView(int Id, string UserName, int? UnitId, string? UnitName, string? CodePrefix);

public sealed record ResponseDeadlineRequest(DateTime? Deadline);

public sealed record AppraisalLeafView(
    string Code,
    string Title,
    string FieldCode,
    decimal Max,
    bool IsSurvey,
    string Method,
    int Version,
    bool NotApplicable,
    IReadOnlyDictionary<string, decimal> Figures,
    string? Level,
    decimal? SelfPoints,
    string Memo,
    string Explanation,
    IReadOnlyList<EvidenceView> Evidence,
    decimal? AppraisedScore,
    IReadOnlyDictionary<string, decimal> AppraisedFigures,
    string? AppraisedMemo,
    string? AppraisalReason,
    string? AppraisedBy,
    bool Adjusted,
    string? ResponseText,
    string? RespondedBy,
    decimal? FinalScore,
    string? FinalReason,
    decimal? SurveyScore,
    decimal? EffectiveScore,
    bool CanAppraise,
    bool CanRespond);

/// <summary>
/// The totals of the appraisal page. <c>AppraisedPoints</c>, <c>FinalPoints</c> and <c>FinalIndex</c>
/// are null while no leaf is appraised or when the reader may not see the result (ADR 0107);
/// <c>Partial</c> says they cover only the leaves appraised so far.
/// </summary>
public sealed record AppraisalTotals(
    decimal SelfPoints,
    decimal? AppraisedPoints,
    decimal? FinalPoints,
    decimal Max,
    decimal? FinalIndex,
    int Appraised,
    int ToAppraise,
    int Adjusted,
    bool AppraisalVisible = true,
    bool ResultVisible = true,
    bool Partial = false);

public sealed record AppraisalView(
    int AssessmentId,
    int CampaignId,
    string CampaignName,
    bool IsSample,
    int UnitId,
    string UnitName,
    string Status,
    string StatusLabel,
    int Version,
    DateTime? ResponseDeadline,
    string Phase,
    IReadOnlyList<string> AllowedActions,
    AppraisalTotals Totals,
    IReadOnlyList<AppraisalLeafView> Leaves,
    bool CanDownloadAppraisalTable = true);

/// <summary>The previous campaign of the same units (null: none); nodes are matched by the stored crosswalk (ADR 0124).</summary>
public sealed record PreviousCampaignRequest(int? PreviousCampaignId);
