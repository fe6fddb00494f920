namespace ParIndex.Documents.Results;

/// <summary>
/// The results report of one assessed unit: points and component index (chỉ số thành phần) per
/// field, the total and the PAR INDEX, shown as a table and a radar chart.
/// </summary>
public sealed class ResultsReportDocument
{
    public required IReadOnlyList<string> TitleLines { get; init; }

    /// <summary>A line under the title saying which points these are (self-assessed or final).</summary>
    public string Subtitle { get; init; } = "";

    public required IReadOnlyList<FieldResult> Fields { get; init; }

    public required decimal TotalMax { get; init; }

    public required decimal TotalPoints { get; init; }

    /// <summary>Sentences under the subtitle that change how the figures read (e.g. the survey not run: index over the self-assessed maximum).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The satisfaction index (SIPAS) per component, when the unit has survey results; empty otherwise.</summary>
    public IReadOnlyList<SatisfactionResult> Satisfaction { get; init; } = [];

    /// <summary>Points over maximum × 100; null when the maximum is 0.</summary>
    public decimal? TotalIndexPercent => TotalMax > 0 ? TotalPoints / TotalMax * 100m : null;
}

/// <summary>One field (lĩnh vực) of the results.</summary>
public sealed record FieldResult(string Code, string Title, decimal Max, decimal Points)
{
    /// <summary>The component index in percent; null when the maximum is 0 (field not applicable).</summary>
    public decimal? IndexPercent => Max > 0 ? Points / Max * 100m : null;
}

/// <summary>The SIPAS of one component: valid answers, satisfied answers (levels 4–5) and their share in percent.</summary>
public sealed record SatisfactionResult(string Code, string Title, long ValidAnswers, long SatisfiedAnswers, decimal? Percent);
