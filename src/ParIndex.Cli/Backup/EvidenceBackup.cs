using System.Security.Cryptography;

namespace ParIndex.Cli.Backup;

/// <summary>
/// The evidence files that the database copy does not hold. Local-store files (<c>Evidence:Store=Local</c>)
/// are copied from <c>--evidence-dir</c> into <c>FILE.evidence/</c>, exactly those the copy names, each
/// checked against its SHA-256; without the option, the report says what the operator must copy.
/// Files in the database store are in the copy; S3 objects are covered by a copy of the bucket.
/// </summary>
internal static class EvidenceBackup
{
    private const int ListedProblems = 10;

    public static int Run(BackupRequest request, IReadOnlyList<EvidenceRow> rows, TextWriter stdout, TextWriter stderr)
    {
        var local = rows.Where(r => r.IsLocalFile).ToList();
        var inDatabase = rows.Count(r => !r.IsLocalFile && r.BytesInDatabase);
        var elsewhere = rows.Count(r => !r.IsLocalFile && !r.BytesInDatabase);
        stdout.WriteLine($"  Minh chứng: {rows.Count} tệp; {inDatabase} nằm trong cơ sở dữ liệu (đã có trong bản sao); {local.Count} ở thư mục cục bộ; {elsewhere} ở kho S3.");
        if (elsewhere > 0)
        {
            stdout.WriteLine($"  Chú ý: {elsewhere} tệp minh chứng nằm trong bucket S3 (Evidence:Store=S3), không trong bản sao này: hãy sao lưu bucket (xem docs/operations.md).");
        }

        if (request.EvidenceDirectory is not { } from)
        {
            if (local.Count > 0)
            {
                stdout.WriteLine($"  Chú ý: {local.Count} tệp minh chứng nằm trong thư mục cục bộ của ứng dụng web (Evidence:StoragePath, mặc định ./data/evidence), "
                    + "không trong bản sao này: chạy lại với --evidence-dir <thư mục đó> hoặc tự sao chép thư mục đó.");
            }

            return 0;
        }

        // The folder is made even when empty, so that the documented restore step always finds it.

        var target = request.EvidenceOutputPath;
        var staging = target + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        var problems = new List<string>();
        long bytes = 0;
        var copied = 0;
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var row in local)
            {
                var source = Path.Combine(from, row.StorageName);
                if (!File.Exists(source))
                {
                    problems.Add($"{row.StorageName}: không có trong '{from}'");
                    continue;
                }

                var hash = CopyAndHash(source, Path.Combine(staging, row.StorageName));
                bytes += row.Size;
                copied++;
                if (!string.Equals(hash, row.Sha256, StringComparison.Ordinal))
                {
                    problems.Add($"{row.StorageName}: SHA-256 {hash} khác {row.Sha256} đã ghi trong cơ sở dữ liệu");
                }
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không chép được tệp minh chứng từ '{from}' vào '{target}': {e.Message} Bản sao cơ sở dữ liệu đã ghi, minh chứng thì chưa.");
            return 1;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        stdout.WriteLine($"  Đã chép {copied} tệp minh chứng cục bộ ({bytes} byte) vào '{target}'.");
        if (problems.Count == 0)
        {
            return 0;
        }

        stderr.WriteLine($"Lỗi: {problems.Count} tệp minh chứng mà bản sao nhắc tới bị thiếu hoặc sai nội dung (sao lưu minh chứng chưa đủ):");
        foreach (var problem in problems.Take(ListedProblems))
        {
            stderr.WriteLine("  " + problem);
        }

        return 1;
    }

    private static string CopyAndHash(string source, string destination)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
