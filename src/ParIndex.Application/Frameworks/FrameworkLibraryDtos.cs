namespace ParIndex.Application.Frameworks;

/// <summary>One version in the library. <c>Id</c> is the record's number (what campaigns refer to).</summary>
public sealed record FrameworkSummary(
    int Id,
    string FrameworkId,
    string Version,
    int Year,
    string Title,
    string UnitKind,
    string State,
    int Revision,
    IReadOnlyList<FrameworkCampaignRef> Campaigns,
    string? ClonedFrom,
    DateTime ImportedAt,
    string? CreatedBy,
    DateTime? UpdatedAt,
    string? UpdatedBy,
    DateTime? ActivatedAt,
    DateTime? RetiredAt);

public sealed record FrameworkCampaignRef(int Id, string Name, int Year);

/// <summary>A node's problem as the validator words it (Vietnamese); <c>Code</c> is the node code or the header property.</summary>
public sealed record FrameworkProblemView(string Code, string Message);

/// <summary>One version with its file, its validation and its history.</summary>
public sealed record FrameworkDetail(
    FrameworkSummary Summary,
    string Json,
    int Leaves,
    decimal TotalMax,
    decimal SurveyMax,
    IReadOnlyList<FrameworkProblemView> Problems,
    IReadOnlyList<FrameworkHistoryView> History);

public sealed record FrameworkHistoryView(DateTime At, string UserName, string What, string? OldValue, string? NewValue, string? Reason);

/// <summary>The editor's save: the whole framework file and the revision it was edited from.</summary>
public sealed record FrameworkSaveRequest(int Revision, string Json);

/// <param name="Year">A later year ("clone to year N+1"); null keeps the year and takes the next free version.</param>
public sealed record FrameworkCloneRequest(int? Year = null, string? FrameworkId = null, string? Version = null, string? Title = null);

/// <summary>What a table does not say: the unit kind, and optionally year, title and id.</summary>
public sealed record FrameworkFromTableRequest(string UnitKind, int? Year = null, string? Title = null, string? FrameworkId = null);

/// <summary>The state change's revision check; null skips it (the CLI acts on what it just listed).</summary>
public sealed record FrameworkStateRequest(int? Revision = null);

/// <summary>A framework file to download.</summary>
public sealed record FrameworkExport(string FileName, string Json);
