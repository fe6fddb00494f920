using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ParIndex.Web.Evidence;

/// <summary>
/// Evidence bytes on disk, outside the web root, under generated names. Writes go to a temporary
/// file first, so that a failed upload leaves nothing behind.
/// </summary>
public sealed class EvidenceStore
{
    private readonly string root;

    public EvidenceStore(IOptions<EvidenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        root = string.IsNullOrWhiteSpace(options.Value.StoragePath)
            ? Path.Combine(Directory.GetCurrentDirectory(), "data", "evidence")
            : Path.GetFullPath(options.Value.StoragePath);
        Directory.CreateDirectory(root);
    }

    public string Root => root;

    /// <summary>Copies the upload to a temporary file, hashing it on the way.</summary>
    public async Task<StagedFile> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(root, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            await file.FlushAsync(cancellationToken);
            var type = EvidenceContentType.Detect(file);
            return new StagedFile(path, size, Convert.ToHexStringLower(sha.GetHashAndReset()), type);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Moves a staged file to its final generated name.</summary>
    public string Commit(StagedFile staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var name = Guid.NewGuid().ToString("N") + ".bin";
        File.Move(staged.Path, Path.Combine(root, name));
        return name;
    }

    public void Discard(StagedFile staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        File.Delete(staged.Path);
    }

    public void Delete(string storageName) => File.Delete(PathOf(storageName));

    public Stream Open(string storageName) => new FileStream(PathOf(storageName), FileMode.Open, FileAccess.Read, FileShare.Read);

    private string PathOf(string storageName)
    {
        // Storage names are generated (hex + .bin); refuse anything else so no path can escape the folder.
        if (storageName.Length > 64 || !storageName.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') || storageName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Tên tệp lưu trữ không hợp lệ.", nameof(storageName));
        }

        return Path.Combine(root, storageName);
    }
}

/// <summary>An upload copied to a temporary file, with its size, hash and detected type.</summary>
public sealed record StagedFile(string Path, long Size, string Sha256, string? ContentType);
