namespace ParIndex.Data.Surveys;

/// <summary>
/// One stored answer (the raw data the survey points are computed from). Written in bulk by the
/// provider's sink (binary COPY on PostgreSQL, prepared inserts on SQLite); never edited.
/// <see cref="UnitId"/> carries no foreign key on purpose: checking it per row would slow a bulk
/// load of millions of answers, and the importer only writes units of the campaign.
/// </summary>
public sealed class SurveyAnswerRecord
{
    public long Id { get; set; }

    public int BatchId { get; set; }

    public int UnitId { get; set; }

    public required string RespondentId { get; set; }

    public required string QuestionCode { get; set; }

    public required string AnswerKey { get; set; }

    /// <summary>The respondent's weight; null for 1.</summary>
    public decimal? Weight { get; set; }
}
