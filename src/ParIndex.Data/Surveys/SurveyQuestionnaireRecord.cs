using ParIndex.Data.Campaigns;

namespace ParIndex.Data.Surveys;

/// <summary>
/// A questionnaire of a campaign for one respondent group, stored as its canonical questionnaire
/// file (<c>parindex-questionnaire/1</c> JSON) so that the file, the UI and the API share one format.
/// </summary>
public sealed class SurveyQuestionnaireRecord
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>The questionnaire's own id, e.g. <c>sipas-2023-nguoi-dan</c>.</summary>
    public required string Code { get; set; }

    /// <summary>One questionnaire per respondent group and campaign.</summary>
    public required string RespondentGroup { get; set; }

    public required string Title { get; set; }

    /// <summary>The questionnaire file (canonical JSON).</summary>
    public required string Json { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
