namespace ParIndex.Application.Campaigns;

public sealed record FrameworkView(int Id, string FrameworkId, string Version, int Year, string Title, string UnitKind);

public sealed record CampaignView(int Id, string Name, int Year, int FrameworkRecordId, string FrameworkTitle, DateTime? SelfAssessmentDeadline, IReadOnlyList<CampaignUnitView> Units);

public sealed record CampaignUnitView(int AssessmentId, int UnitId, string UnitName, string Status, DateTime? DeadlineException, IReadOnlyList<AssignmentView> Assignments);

public sealed record AssignmentView(int Id, string CodePrefix, int ContributingUnitId, string ContributingUnitName);

public sealed record CampaignRequest(string Name, int Year, int FrameworkRecordId, IReadOnlyList<int> UnitIds, DateTime? SelfAssessmentDeadline);

public sealed record DeadlineRequest(DateTime? Deadline);

public sealed record AssignmentRequest(string CodePrefix, int ContributingUnitId);
