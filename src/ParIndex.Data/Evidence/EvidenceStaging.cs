using System.Security.Cryptography;

namespace ParIndex.Data.Evidence;

/// <summary>Copies an upload to a temporary file in a folder, computing its size and SHA-256.</summary>
internal static class EvidenceStaging
{
    public static async Task<StagedEvidence> StageAsync(Stream content, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
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
            return new StagedEvidence(path, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public static string Folder(EvidenceStoreOptions options) =>
        string.IsNullOrWhiteSpace(options.StagingPath)
            ? Path.Combine(Path.GetTempPath(), "parindex-evidence-staging")
            : Path.GetFullPath(options.StagingPath);

    /// <summary>Content-addressed names are 64 lower-case hex digits; anything else is refused.</summary>
    public static string CheckSha256Name(string storageName) =>
        storageName.Length == 64 && storageName.All(char.IsAsciiHexDigitLower)
            ? storageName
            : throw new ArgumentException("Tên lưu trữ không hợp lệ.", nameof(storageName));
}
