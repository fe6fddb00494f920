namespace ParIndex.Data.Campaigns;

/// <summary>A framework file stored as it was imported (JSON text), with the keys to find it.</summary>
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
}
