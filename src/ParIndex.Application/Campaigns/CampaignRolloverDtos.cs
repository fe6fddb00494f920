namespace ParIndex.Application.Campaigns;

/// <summary>
/// Create the year N+1 campaign from a year N campaign: its name, year, framework version and the
/// stored crosswalk from the old version (optional: found by the two versions; not needed for the same version).
/// </summary>
public sealed record RolloverRequest(string Name, int Year, int FrameworkRecordId, int? CrosswalkId, DateTime? SelfAssessmentDeadline);

/// <summary>What the rollover carried over, and what it could not (with the reason).</summary>
public sealed record RolloverResult(
    int CampaignId,
    int SourceCampaignId,
    int? CrosswalkId,
    int Units,
    int Assignments,
    int AppraiserAssignments,
    int Quotas,
    int Suggestions,
    IReadOnlyList<string> NotCarried);
