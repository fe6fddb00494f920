namespace ParIndex.Data.Surveys;

/// <summary>
/// How many answers of a batch gave one answer key to one question in one unit, and their total
/// weight. Written by the sink with the answers, in the same transaction, so it always equals a
/// count over <see cref="SurveyAnswerRecord"/>; re-scoring reads these few rows (units × questions ×
/// options per batch) instead of every stored answer. Σ weight × share = share × Σ weight, so the
/// leaf points stay exact.
/// </summary>
public sealed class SurveyAnswerCount
{
    public long Id { get; set; }

    public int BatchId { get; set; }

    public int UnitId { get; set; }

    public required string QuestionCode { get; set; }

    public required string AnswerKey { get; set; }

    public long Answers { get; set; }

    /// <summary>Σ of the answers' weights (1 for an answer without weight).</summary>
    public decimal WeightSum { get; set; }
}
