namespace ParIndex.Data.Surveys;

/// <summary>
/// The satisfaction index (SIPAS) of one unit on one component, as last computed from the stored
/// answers of the campaign. Replaced as a whole whenever the campaign's survey is re-scored.
/// </summary>
public sealed class SurveySipasResult
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int UnitId { get; set; }

    /// <summary>The component (a satisfaction leaf code such as <c>8.1.3</c>, or the questionnaire's own component name).</summary>
    public required string Component { get; set; }

    public long ValidAnswers { get; set; }

    public long SatisfiedAnswers { get; set; }

    /// <summary>Satisfied share 0..1; null without valid answers.</summary>
    public decimal? Share { get; set; }

    public DateTime ComputedAt { get; set; }
}
