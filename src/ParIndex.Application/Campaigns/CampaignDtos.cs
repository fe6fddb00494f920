namespace ParIndex.Application.Campaigns;

public sealed record FrameworkView(int Id, string FrameworkId, string Version, int Year, string Title, string UnitKind);

/// <param name="PublishedAt">When the results were published; from then on the campaign shows no edit forms.</param>
public sealed record CampaignView(int Id, string Name, int Year, int FrameworkRecordId, string FrameworkTitle, DateTime? SelfAssessmentDeadline, IReadOnlyList<CampaignUnitView> Units,
    DateTime? PublishedAt = null);

public sealed record CampaignUnitView(int AssessmentId, int UnitId, string UnitName, string Status, DateTime? DeadlineException, IReadOnlyList<AssignmentView> Assignments);

public sealed record AssignmentView(int Id, string CodePrefix, int ContributingUnitId, string ContributingUnitName);

public sealed record CampaignRequest(string Name, int Year, int FrameworkRecordId, IReadOnlyList<int> UnitIds, DateTime? SelfAssessmentDeadline);

public sealed record DeadlineRequest(DateTime? Deadline);

public sealed record AssignmentRequest(string CodePrefix, int ContributingUnitId);

/// <summary>One line of the campaign overview (CLI <c>campaign list</c>): counts per assessment state rather than every unit.</summary>
/// <param name="States">Units per assessment state (the state's enum name), in workflow order.</param>
public sealed record CampaignSummaryView(int Id, string Name, int Year, int FrameworkRecordId, string FrameworkId, string FrameworkVersion, string FrameworkTitle,
    int Units, IReadOnlyDictionary<string, int> States, DateTime? PublishedAt, bool IsSample, int? PreviousCampaignId);
