namespace ParIndex.Data.Evidence;

/// <summary>
/// Where evidence bytes live: a local folder (one instance), the database or an S3-compatible
/// object store (every instance sees them). The caller keeps the evidence rows in a transaction
/// of the same <see cref="ParIndexDbContext"/> and calls, in order:
/// <list type="bullet">
/// <item>upload: <see cref="StageAsync"/>, begin the transaction, <see cref="PutAsync"/>, save the
/// rows, commit; on any failure <see cref="UndoPutAsync"/> before the rollback;</item>
/// <item>deletion: begin the transaction, remove the row, <see cref="ReleaseAsync"/>, commit, then
/// <see cref="ReleasedAsync"/>.</item>
/// </list>
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Copies an upload to a temporary file, hashing it on the way (the caller checks size and type there).</summary>
    Task<StagedEvidence> StageAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Stores a staged upload, inside the caller's transaction; returns the storage name for the row.</summary>
    Task<StoredEvidence> PutAsync(StagedEvidence staged, CancellationToken cancellationToken);

    /// <summary>Removes what <see cref="PutAsync"/> wrote outside the database, before the transaction is rolled back.</summary>
    Task UndoPutAsync(StoredEvidence stored, CancellationToken cancellationToken);

    /// <summary>Reads stored bytes.</summary>
    Task<Stream> OpenAsync(string storageName, CancellationToken cancellationToken);

    /// <summary>Drops one reference to stored bytes, inside the transaction that deletes the row.</summary>
    Task ReleaseAsync(string storageName, CancellationToken cancellationToken);

    /// <summary>After the deleting transaction has committed: removes what only then may go.</summary>
    Task ReleasedAsync(string storageName, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IEvidenceStore.PutAsync"/> did: the storage name, and whether it created new content.</summary>
public sealed record StoredEvidence(string StorageName, bool CreatedContent);

/// <summary>An upload copied to a temporary file, with its size and SHA-256; disposing deletes the file.</summary>
public sealed class StagedEvidence(string path, long size, string sha256) : IDisposable
{
    public string Path { get; } = path;

    public long Size { get; } = size;

    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; } = sha256;

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public void Dispose() => File.Delete(Path);
}
