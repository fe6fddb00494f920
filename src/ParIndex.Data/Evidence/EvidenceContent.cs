namespace ParIndex.Data.Evidence;

/// <summary>
/// One stored content of the shared evidence stores (database, S3), addressed by its SHA-256: the
/// same bytes uploaded twice are stored once. <see cref="References"/> counts the evidence rows that
/// use it; the upload and the deletion change it in the same transaction as those rows.
/// </summary>
public sealed class EvidenceContent
{
    /// <summary>SHA-256 of the bytes, lower-case hex; also the storage name of the evidence rows.</summary>
    public required string Sha256 { get; set; }

    public long Size { get; set; }

    /// <summary>How many evidence rows use this content; the content goes with the last one.</summary>
    public int References { get; set; }
}

/// <summary>A piece (at most <see cref="DatabaseEvidenceStore.ChunkSize"/> bytes) of a content held by the database store.</summary>
public sealed class EvidenceChunk
{
    public required string Sha256 { get; set; }

    public int Index { get; set; }

    public required byte[] Data { get; set; }
}
