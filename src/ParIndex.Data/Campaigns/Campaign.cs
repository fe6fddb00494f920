namespace ParIndex.Data.Campaigns;

/// <summary>A campaign (kỳ đánh giá): one framework × a set of units × a year, with deadlines.</summary>
public sealed class Campaign
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Year { get; set; }

    public int FrameworkRecordId { get; set; }

    public FrameworkRecord? Framework { get; set; }

    /// <summary>After this instant (UTC) units can no longer edit their self-assessment, unless excepted.</summary>
    public DateTime? SelfAssessmentDeadline { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>After this instant (UTC) units can no longer answer the preliminary result.</summary>
    public DateTime? ResponseDeadline { get; set; }

    /// <summary>Result bands as JSON (<c>[{"name":"A","minIndex":90}, …]</c>); null: the default A/B/C/D.</summary>
    public string? BandsJson { get; set; }

    /// <summary>
    /// The campaign of the previous year for the same units, for year-over-year change: compared
    /// through the stored crosswalk between the two campaigns' frameworks (ADR 0124).
    /// </summary>
    public int? PreviousCampaignId { get; set; }

    /// <summary>Generated sample data (shown with a clear label on every page).</summary>
    public bool IsSample { get; set; }

    /// <summary>When the coordinator published the campaign's results; from then on nothing changes.</summary>
    public DateTime? PublishedAt { get; set; }
}
