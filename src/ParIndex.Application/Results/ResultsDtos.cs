namespace ParIndex.Application.Results;

/// <summary>One field's or criterion's component index (chỉ số thành phần).</summary>
public sealed record ComponentIndex(string Code, string Title, decimal Points, decimal Max, decimal? Index);

/// <summary>One unit's line in the campaign results.</summary>
public sealed record UnitResult(
    int UnitId,
    string UnitCode,
    string UnitName,
    string PeerGroup,
    string? Region,
    int AssessmentId,
    string Status,
    decimal FinalPoints,
    decimal SurveyPoints,
    decimal Points,
    decimal Max,
    decimal Index,
    decimal PublishedIndex,
    int Rank,
    bool Tied,
    string? Band,
    decimal? PreviousIndex,
    decimal? IndexChange,
    int? PreviousRank,
    int? RankMovement,
    IReadOnlyList<ComponentIndex> Fields);

/// <summary>
/// How current stored staff results are: <see cref="AsOf"/> is when their data was read (UTC);
/// <see cref="Updating"/> says the data has changed since and newer results are being computed.
/// </summary>
public sealed record DraftState(DateTime AsOf, bool Updating);

public sealed record RegionalAverageView(string Region, int Units, decimal AverageIndex, decimal MinIndex, decimal MaxIndex);

public sealed record BandView(string Name, decimal MinIndex, string? Label);

public sealed record CampaignResults(
    int CampaignId,
    string CampaignName,
    int Year,
    bool IsSample,
    DateTime? PublishedAt,
    int? PreviousCampaignId,
    string? PreviousCampaignName,
    IReadOnlyList<BandView> Bands,
    string? BelowBands,
    IReadOnlyList<FieldTitle> FieldTitles,
    IReadOnlyList<UnitResult> Units,
    IReadOnlyList<RegionalAverageView> RegionalAverages,
    bool SurveyNotRun = false)
{
    /// <summary>
    /// Staff results only (ADR 0144): when they were computed and whether newer data is being
    /// computed. Absent from the public results and from what is stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DraftState? Draft { get; init; }

    /// <summary>The sentence every result page, document and ranking shows when the survey is not run (ADR 0127).</summary>
    public const string SurveyNotRunVietnamese =
        "Kỳ đánh giá này không thực hiện điều tra xã hội học: chỉ số được tính trên tổng điểm tự đánh giá tối đa (không gồm các tiêu chí đánh giá qua điều tra xã hội học).";

    public const string SurveyNotRunEnglish =
        "This campaign does not run the sociological survey: the index is taken over the self-assessed maximum (the criteria scored by the survey are left out).";
}

public sealed record GapView(string Code, string Title, string FieldCode, decimal Max, decimal Points, decimal Lost, bool Recoverable, decimal IndexPointsLost);

/// <summary>
/// The change of one node against the previous year. <see cref="Comparison"/> is <c>direct</c> (its
/// one predecessor), <c>combined</c> (merged predecessors' points over their maxima: not a direct
/// comparison) or <c>not-comparable</c> (no counterpart: <see cref="Change"/> is null and the pages
/// say "không so sánh được").
/// </summary>
public sealed record ChangeView(string Code, string Title, decimal? Previous, decimal? Current, decimal? Change, string Comparison, IReadOnlyList<string> PreviousCodes)
{
    public const string Direct = "direct";
    public const string Combined = "combined";
    public const string NotComparable = "not-comparable";

    public bool IsComparable => Comparison != NotComparable;

    public static string ComparisonName(ParIndex.Core.Results.NodeComparability comparability) => comparability switch
    {
        ParIndex.Core.Results.NodeComparability.Direct => Direct,
        ParIndex.Core.Results.NodeComparability.Combined => Combined,
        _ => NotComparable,
    };
}

/// <summary>A unit's score card: totals, rank, component indices, change and gaps.</summary>
public sealed record UnitScoreCard(
    CampaignResults Campaign,
    UnitResult Unit,
    IReadOnlyList<ComponentIndex> Criteria,
    IReadOnlyList<ChangeView> Changes,
    IReadOnlyList<GapView> Gaps,
    decimal RecoverablePoints,
    IReadOnlyList<SipasView> Sipas,
    decimal? OverallSipas,
    string? ComparisonNote = null);

/// <summary>The satisfaction index (SIPAS) of a unit on one component: share of valid answers at levels 4–5, in percent.</summary>
public sealed record SipasView(string Component, string Title, long ValidAnswers, long SatisfiedAnswers, decimal? Percent);

public sealed record FieldTitle(string Code, string Title);
