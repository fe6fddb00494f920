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
}
