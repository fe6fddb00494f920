namespace ParIndex.Data.Surveys;

/// <summary>
/// The sampling frame of one unit and respondent group: the number of transactions (or the
/// population) N and the margin e, from which the quota n = N / (1 + N·e²) follows.
/// </summary>
public sealed class SurveyQuotaTarget
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int UnitId { get; set; }

    public required string RespondentGroup { get; set; }

    public long Population { get; set; }

    /// <summary>The margin of error as a fraction, e.g. 0,05.</summary>
    public decimal Margin { get; set; }
}
