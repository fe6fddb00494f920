using ParIndex.Application.Results;

namespace ParIndex.Application.Surveys;

/// <summary>A questionnaire of a campaign in a list.</summary>
public sealed record QuestionnaireSummary(
    int Id,
    int CampaignId,
    string Code,
    string Title,
    string RespondentGroup,
    string? RespondentGroupLabel,
    int Questions,
    int Batches,
    DateTime UpdatedAt,
    string? UpdatedBy);

/// <summary>A questionnaire with its questions, each scale in the editor's one-line form (<see cref="ScaleText"/>).</summary>
public sealed record QuestionnaireDetail(
    int Id,
    int CampaignId,
    string Code,
    string Title,
    string FrameworkId,
    string RespondentGroup,
    string? RespondentGroupLabel,
    int Batches,
    IReadOnlyList<QuestionView> Questions);

public sealed record QuestionView(string Code, string Text, string LeafCode, string? Component, string Scale, string ScaleText);

/// <summary>A survey leaf of the campaign's framework that a question can score.</summary>
public sealed record SurveyLeafView(string Code, string Title, decimal Max);

/// <summary>
/// One problem of a rejected file or form. <see cref="Row"/> is the row of a CSV file or the
/// question number in a questionnaire (1-based), <see cref="Column"/> the column or property,
/// <see cref="Location"/> both in words for people.
/// </summary>
public sealed record SurveyProblem(int? Row, string? Column, string Location, string Message);

/// <summary>A campaign as the survey pages list it, with what the user may do there.</summary>
public sealed record SurveyCampaignView(int Id, string Name, int Year, bool IsSample, bool Published, int Questionnaires, int QuotaTargets);

/// <summary>One quota line: the target of a unit and respondent group with the respondents collected so far.</summary>
public sealed record QuotaRow(
    int? TargetId,
    int UnitId,
    string UnitCode,
    string UnitName,
    string RespondentGroup,
    string? RespondentGroupLabel,
    long? Population,
    decimal? Margin,
    int? Required,
    int Collected,
    int? Remaining,
    decimal? Percent,
    bool? Met);

/// <summary>The quota table of a campaign (or of one unit, for unit users).</summary>
public sealed record QuotaView(int CampaignId, string CampaignName, bool Published, IReadOnlyList<QuotaRow> Rows);

/// <summary>
/// One target to set. <see cref="Population"/> null removes the target; <see cref="Margin"/> may be
/// a JSON number or text written either way (<c>"0,05"</c>).
/// </summary>
public sealed record QuotaTargetRequest(
    int UnitId,
    string RespondentGroup,
    long? Population,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(ParIndex.Application.Assessments.FlexibleDecimalConverter))] decimal? Margin);

/// <summary>One row of the quota form as typed: N and e are text read the Vietnamese way.</summary>
public sealed class QuotaFormRow
{
    public int UnitId { get; set; }

    public string? RespondentGroup { get; set; }

    public string? Population { get; set; }

    public string? Margin { get; set; }
}

/// <summary>How to read a response file: the layout and which columns mean what.</summary>
public sealed class SurveyImportOptions
{
    public int QuestionnaireId { get; set; }

    /// <summary><c>wide</c> (one row per respondent) or <c>long</c> (one row per answer).</summary>
    public string? Shape { get; set; } = "wide";

    public string? RespondentColumn { get; set; }

    public string? UnitColumn { get; set; }

    /// <summary>The code of the unit of every respondent, when the file holds one unit's survey.</summary>
    public string? FixedUnit { get; set; }

    public string? WeightColumn { get; set; }

    public string? QuestionColumn { get; set; }

    public string? AnswerColumn { get; set; }
}

/// <summary>An imported response file.</summary>
public sealed record SurveyBatchView(
    int Id,
    int QuestionnaireId,
    string QuestionnaireCode,
    string RespondentGroup,
    string SourceName,
    int Respondents,
    long Answers,
    DateTime ImportedAt,
    string? ImportedBy);

/// <summary>What an accepted import wrote and changed.</summary>
public sealed record SurveyImportOutcome(SurveyBatchView Batch, int UnitsScored, int LeavesChanged, IReadOnlyDictionary<string, int> RespondentsPerUnit);

/// <summary>The survey points of one unit: per survey leaf and the SIPAS per component.</summary>
public sealed record UnitSurveyScores(
    int CampaignId,
    int UnitId,
    string UnitCode,
    string UnitName,
    decimal TotalPoints,
    decimal SurveyMax,
    decimal? OverallSipasPercent,
    IReadOnlyList<SurveyLeafScoreView> Leaves,
    IReadOnlyList<SipasView> Sipas);

public sealed record SurveyLeafScoreView(string Code, string Title, decimal Max, long ValidAnswers, long InvalidAnswers, decimal? MeanShare, decimal? Points, string? Memo);
