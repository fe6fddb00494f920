namespace ParIndex.Application.Evidence;

/// <summary>Configuration section <c>Evidence</c>: the upload rules (the store's settings: <see cref="ParIndex.Data.Evidence.EvidenceStoreOptions"/>).</summary>
public sealed class EvidenceOptions
{
    /// <summary>Largest accepted file (default 20 MiB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
