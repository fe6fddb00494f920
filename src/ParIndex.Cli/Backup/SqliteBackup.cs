using System.Globalization;
using Microsoft.Data.Sqlite;
using ParIndex.Core.Numbers;

namespace ParIndex.Cli.Backup;

/// <summary>
/// The SQLite backup: SQLite's online backup API into a temporary file beside the output, a check
/// of the copy, then a rename, so that the output name never holds a half-written or unchecked copy.
/// </summary>
internal static class SqliteBackup
{
    // A writer of the web app may hold the lock for a moment; the backup waits rather than fails.
    private const int BusyTimeoutMilliseconds = 30_000;
    private const int Attempts = 5;

    public static int Run(BackupRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Source(request.ConnectionString, stderr) is not { } source
            || !CheckTargets(request, source, stderr))
        {
            return CliApp.UnreadableExitCode;
        }

        var folder = Path.GetDirectoryName(request.OutputPath)!;
        var temporary = Path.Combine(folder, "." + Path.GetFileName(request.OutputPath) + ".tmp-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(folder);
            if (Copy(source, temporary, stderr, cancellationToken) is { } failed)
            {
                return failed;
            }

            var copy = BackupVerification.Check(temporary);
            if (copy.Problem is { } problem)
            {
                stderr.WriteLine($"Lỗi: bản sao của '{source}' không đạt kiểm tra ({problem}); không giữ lại tệp nào.");
                return copy.NotParIndex ? CliApp.UnreadableExitCode : 1;
            }

            File.Move(temporary, request.OutputPath, overwrite: request.Force);
            var size = new FileInfo(request.OutputPath).Length;
            stdout.WriteLine($"Đã sao lưu '{source}' → '{request.OutputPath}'.");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Kích thước: {size} byte ({VietnameseNumbers.FormatPoints(Math.Round(size / 1048576m, 1))} MiB); {copy.Tables} bảng; {copy.Assessments} bản đánh giá."));
            stdout.WriteLine($"  Kiểm tra: PRAGMA integrity_check = ok; lịch sử migration có {copy.Migrations.Count} mục, mới nhất {copy.Migrations[^1]}.");
            return EvidenceBackup.Run(request, copy.Evidence, stdout, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không ghi được tệp sao lưu '{request.OutputPath}': {e.Message} Không có gì được ghi.");
            return CliApp.UnreadableExitCode;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            DeleteWithCompanions(temporary);
        }
    }

    private static void DeleteWithCompanions(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>The full path of the database file of a connection string, or null (reported) when it names none.</summary>
    private static string? Source(string connectionString, TextWriter stderr)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            stderr.WriteLine($"Lỗi: chuỗi kết nối SQLite không hợp lệ: {e.Message}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            stderr.WriteLine("Lỗi: chuỗi kết nối không trỏ tới một tệp SQLite (Data Source=…/parindex.db); không có gì để sao lưu.");
            return null;
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (!File.Exists(path))
        {
            stderr.WriteLine($"Lỗi: không đọc được cơ sở dữ liệu '{path}': không có tệp này. Không có gì được ghi.");
            return null;
        }

        return path;
    }

    private static bool CheckTargets(BackupRequest request, string source, TextWriter stderr)
    {
        if (string.Equals(request.OutputPath, source, StringComparison.Ordinal))
        {
            stderr.WriteLine($"Lỗi: tệp sao lưu '{request.OutputPath}' chính là cơ sở dữ liệu nguồn.");
            return false;
        }

        if (Directory.Exists(request.OutputPath))
        {
            stderr.WriteLine($"Lỗi: '{request.OutputPath}' là một thư mục; hãy chọn tên tệp cho bản sao lưu.");
            return false;
        }

        if (!request.Force && File.Exists(request.OutputPath))
        {
            stderr.WriteLine($"Lỗi: tệp '{request.OutputPath}' đã có; không ghi đè (thêm --force để ghi đè). Không có gì được ghi.");
            return false;
        }

        if (request.EvidenceDirectory is { } evidence)
        {
            if (!Directory.Exists(evidence))
            {
                stderr.WriteLine($"Lỗi: không có thư mục minh chứng '{evidence}' (--evidence-dir). Không có gì được ghi.");
                return false;
            }

            if (!request.Force && Directory.Exists(request.EvidenceOutputPath))
            {
                stderr.WriteLine($"Lỗi: thư mục '{request.EvidenceOutputPath}' đã có; không ghi đè (thêm --force để ghi đè). Không có gì được ghi.");
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies the database with the backup API; null when done, else the exit code (reported).</summary>
    private static int? Copy(string source, string temporary, TextWriter stderr, CancellationToken cancellationToken)
    {
        // ReadWrite, not ReadWriteCreate: a wrong path must not create an empty database.
        var from = new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString;
        var to = new SqliteConnectionStringBuilder { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ConnectionString;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var sourceConnection = new SqliteConnection(from);
                sourceConnection.Open();
                using (var pragma = sourceConnection.CreateCommand())
                {
                    pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}";
                    pragma.ExecuteNonQuery();
                }

                using var target = new SqliteConnection(to);
                target.Open();
                // One step over every page, under one read lock: a consistent snapshot even while the app writes.
                sourceConnection.BackupDatabase(target);
                return null;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < Attempts)
            {
                // SQLITE_BUSY / SQLITE_LOCKED beyond the busy timeout: try again from the start.
                SqliteConnection.ClearAllPools();
                DeleteWithCompanions(temporary);
            }
            catch (SqliteException e)
            {
                stderr.WriteLine($"Lỗi: không đọc được cơ sở dữ liệu '{source}': {e.Message} Không có gì được ghi.");
                return CliApp.UnreadableExitCode;
            }
        }
    }
}
