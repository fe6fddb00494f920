namespace ParIndex.Surveys.Responses;

/// <summary>The two layouts survey tools export.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "\"long\" is the name of the layout, not a type.")]
public enum ResponseShape
{
    /// <summary>One row per respondent, one column per question (LimeSurvey, KoboToolbox, ODK).</summary>
    Wide,

    /// <summary>One row per answer: respondent, question, answer.</summary>
    Long,
}

/// <summary>
/// Which columns of a response file mean what. Header names compare trimmed and
/// case-insensitively. Where a column is not named, the usual headers are tried
/// (<see cref="RespondentCandidates"/>, <see cref="UnitCandidates"/>).
/// </summary>
public sealed record SurveyColumnMapping
{
    /// <summary>Headers tried for the respondent id when <see cref="RespondentColumn"/> is null (LimeSurvey <c>id</c>, Kobo <c>_uuid</c>).</summary>
    public static readonly IReadOnlyList<string> RespondentCandidates = ["respondent", "ma_phieu", "id", "_uuid", "_id"];

    /// <summary>Headers tried for the unit when neither <see cref="UnitColumn"/> nor <see cref="FixedUnit"/> is set.</summary>
    public static readonly IReadOnlyList<string> UnitCandidates = ["unit", "don_vi", "ma_don_vi"];

    public ResponseShape Shape { get; init; } = ResponseShape.Wide;

    public string? RespondentColumn { get; init; }

    /// <summary>The column holding each respondent's unit code.</summary>
    public string? UnitColumn { get; init; }

    /// <summary>The unit of every respondent, when the file holds one unit's survey.</summary>
    public string? FixedUnit { get; init; }

    /// <summary>An optional column of respondent weights (&gt; 0; blank = 1).</summary>
    public string? WeightColumn { get; init; }

    /// <summary>Long shape: the column holding the question code.</summary>
    public string QuestionColumn { get; init; } = "question";

    /// <summary>Long shape: the column holding the answer key.</summary>
    public string AnswerColumn { get; init; } = "answer";

    /// <summary>
    /// Wide shape: header → question code, for headers that differ from the codes. Headers not
    /// listed match a question whose code equals the header, or its last <c>/</c> segment
    /// (KoboToolbox writes <c>group/Q1</c>). Other columns (submit date, language…) are ignored.
    /// </summary>
    public IReadOnlyDictionary<string, string> QuestionColumns { get; init; } = new Dictionary<string, string>();

    /// <summary>The unit codes that exist; null accepts any code.</summary>
    public IReadOnlySet<string>? KnownUnits { get; init; }
}
