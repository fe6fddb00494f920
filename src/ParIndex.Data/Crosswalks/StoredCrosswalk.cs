using ParIndex.Data.Campaigns;

namespace ParIndex.Data.Crosswalks;

/// <summary>
/// The crosswalk between two stored framework versions (ADR 0124): at most one per pair, held as a
/// canonical <c>parindex-crosswalk/1</c> file, with every edit kept in <see cref="Revisions"/>.
/// </summary>
public sealed class StoredCrosswalk
{
    public int Id { get; set; }

    /// <summary>The older version (last year's campaign uses it).</summary>
    public int FromFrameworkRecordId { get; set; }

    public FrameworkRecord? From { get; set; }

    /// <summary>The newer version.</summary>
    public int ToFrameworkRecordId { get; set; }

    public FrameworkRecord? To { get; set; }

    /// <summary>The crosswalk file (JSON, canonical).</summary>
    public required string Json { get; set; }

    /// <summary>Optimistic concurrency token: incremented on every edit; an edit names the version it started from.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    /// <summary>Sample data (shown with a label).</summary>
    public bool IsSample { get; set; }

    public List<CrosswalkRevision> Revisions { get; set; } = [];
}

/// <summary>One saved state of a crosswalk (append-only): who saved it, how, what changed, and the whole file.</summary>
public sealed class CrosswalkRevision
{
    public long Id { get; set; }

    public int CrosswalkId { get; set; }

    public StoredCrosswalk? Crosswalk { get; set; }

    /// <summary>The crosswalk's <see cref="StoredCrosswalk.Version"/> after this save (1 for the first).</summary>
    public int Version { get; set; }

    public DateTime At { get; set; }

    public required string UserName { get; set; }

    /// <summary><c>suggested</c>, <c>edited</c> or <c>imported</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What changed, in words (entries added, removed, changed).</summary>
    public required string Summary { get; set; }

    public required string Json { get; set; }
}
