namespace ParIndex.Web.Evidence;

/// <summary>Configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    /// <summary>Largest accepted file (default 20 MiB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Folder of the stored files; empty means <c>./data/evidence</c>. Never under wwwroot.</summary>
    public string StoragePath { get; set; } = "";
}
