namespace ParIndex.Application.Crosswalks;

/// <summary>One framework version as the crosswalk pages show it.</summary>
public sealed record CrosswalkSide(int FrameworkRecordId, string FrameworkId, string Version, int Year, string Title);

/// <summary>A stored crosswalk in the list.</summary>
public sealed record CrosswalkSummary(int Id, CrosswalkSide From, CrosswalkSide To, int Entries, int Warnings, int Version, DateTime UpdatedAt, string UpdatedBy, bool IsSample);

/// <summary>One row of a crosswalk, with the titles of its codes (null when a code is not in its framework).</summary>
public sealed record CrosswalkEntryView(int Row, string Kind, IReadOnlyList<string> From, IReadOnlyList<string> To, string Match, IReadOnlyList<string?> FromTitles, IReadOnlyList<string?> ToTitles);

/// <summary>A stored crosswalk: its rows and what is still missing (leaves in no row), which does not stop it being used.</summary>
public sealed record CrosswalkView(
    int Id,
    CrosswalkSide From,
    CrosswalkSide To,
    int Version,
    DateTime UpdatedAt,
    string UpdatedBy,
    bool IsSample,
    IReadOnlyList<CrosswalkEntryView> Entries,
    IReadOnlyList<string> Warnings);

/// <summary>One saved state in the crosswalk's history.</summary>
public sealed record CrosswalkRevisionView(int Version, DateTime At, string UserName, string Action, string Summary);

/// <summary>Create the suggested crosswalk between two stored frameworks (old → new).</summary>
public sealed record CrosswalkCreateRequest(int FromFrameworkRecordId, int ToFrameworkRecordId);

/// <summary>
/// One row as edited: codes of the old and the new framework; <see cref="Kind"/> may be left empty
/// (then it follows from the counts: 1→1 one-to-one, n→1 many-to-one, 1→n one-to-many, 0→1 new, 1→0 removed).
/// </summary>
public sealed record CrosswalkEntryInput(string? Kind, IReadOnlyList<string>? From, IReadOnlyList<string>? To);

/// <summary>The whole edited crosswalk and the version the editor started from.</summary>
public sealed record CrosswalkEditRequest(int Version, IReadOnlyList<CrosswalkEntryInput>? Entries);

/// <summary>A crosswalk file to download.</summary>
public sealed record CrosswalkExport(string FileName, string Json);
