namespace ParIndex.Data.Surveys;

/// <summary>
/// One imported response file. <see cref="ContentHash"/> (SHA-256 of the bytes) is unique per
/// campaign: importing the same file again is refused, by the importer and by the index.
/// </summary>
public sealed class SurveyBatchRecord
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int QuestionnaireId { get; set; }

    public SurveyQuestionnaireRecord? Questionnaire { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>The uploaded file's name.</summary>
    public required string SourceName { get; set; }

    public int Respondents { get; set; }

    public long Answers { get; set; }

    public DateTime ImportedAt { get; set; }

    public string? ImportedBy { get; set; }
}
