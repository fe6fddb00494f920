namespace ParIndex.Data.Campaigns;

/// <summary>
/// A framework file stored as JSON text, with the keys to find it and its place in the library:
/// a draft is edited, an active version is frozen and may be used by campaigns, a retired one is
/// kept for the campaigns that used it but offered to no new campaign (ADR 0122).
/// </summary>
public sealed class FrameworkRecord
{
    public int Id { get; set; }

    /// <summary>The framework's own id, e.g. <c>par-index-province-2023</c>.</summary>
    public required string FrameworkId { get; set; }

    public required string Version { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    public string UnitKind { get; set; } = "province";

    /// <summary>The framework file as JSON.</summary>
    public required string Json { get; set; }

    public DateTime ImportedAt { get; set; }

    /// <summary>
    /// Draft → Active → Retired. Rows stored before the library existed, and rows written directly
    /// (built-in frameworks, bundles), are active; the library creates drafts explicitly.
    /// </summary>
    public FrameworkState State { get; set; } = FrameworkState.Active;

    /// <summary>Raised by every change; an edit made against an older revision is refused (concurrency token).</summary>
    public int Revision { get; set; } = 1;

    /// <summary>Who imported or created the record (null for rows stored before the library).</summary>
    public string? CreatedBy { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTime? ActivatedAt { get; set; }

    public string? ActivatedBy { get; set; }

    public DateTime? RetiredAt { get; set; }

    public string? RetiredBy { get; set; }

    /// <summary>
    /// The version this draft was cloned from, as <c>id/version</c>. Text rather than a foreign key:
    /// a data bundle carries one framework without its ancestors.
    /// </summary>
    public string? ClonedFrom { get; set; }
}

/// <summary>The life of a framework version in the library.</summary>
public enum FrameworkState
{
    Draft,
    Active,
    Retired,
}
