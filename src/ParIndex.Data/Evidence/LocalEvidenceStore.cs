namespace ParIndex.Data.Evidence;

/// <summary>
/// Evidence bytes in a folder of this machine, outside the web root, under generated names (one
/// file per upload). Uploads are staged in the same folder so that storing is a rename. Only for a
/// single instance: other instances do not see this folder.
/// </summary>
public sealed class LocalEvidenceStore : IEvidenceStore
{
    public LocalEvidenceStore(EvidenceStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = string.IsNullOrWhiteSpace(options.StoragePath)
            ? Path.Combine(Directory.GetCurrentDirectory(), "data", "evidence")
            : Path.GetFullPath(options.StoragePath);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public Task<StagedEvidence> StageAsync(Stream content, CancellationToken cancellationToken) =>
        EvidenceStaging.StageAsync(content, Root, cancellationToken);

    public Task<StoredEvidence> PutAsync(StagedEvidence staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var name = Guid.NewGuid().ToString("N") + ".bin";
        File.Move(staged.Path, PathOf(name));
        return Task.FromResult(new StoredEvidence(name, CreatedContent: true));
    }

    public Task UndoPutAsync(StoredEvidence stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        File.Delete(PathOf(stored.StorageName));
        return Task.CompletedTask;
    }

    public Task<Stream> OpenAsync(string storageName, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(storageName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));

    // A file is not transactional: it goes only once the row's deletion has committed.
    public Task ReleaseAsync(string storageName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleasedAsync(string storageName, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(storageName));
        return Task.CompletedTask;
    }

    private string PathOf(string storageName)
    {
        // Storage names are generated (hex + .bin); refuse anything else so no path can escape the folder.
        if (storageName.Length > 64 || !storageName.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') || storageName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Tên tệp lưu trữ không hợp lệ.", nameof(storageName));
        }

        return Path.Combine(Root, storageName);
    }
}
