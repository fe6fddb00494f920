using System.CommandLine;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Backup;

/// <summary>
/// <c>parindex backup -o FILE</c>: an online copy of a SQLite database (and, with
/// <c>--evidence-dir</c>, of the local evidence files it names), verified before it is kept. On
/// PostgreSQL it refuses and points to the pg_dump procedure of docs/operations.md (ADR 0115).
/// Exit 0 written and verified; 1 written but the copy or the evidence is incomplete (the report
/// says what); 2 nothing written (bad command line, unreadable database, existing output, PostgreSQL).
/// </summary>
public static class BackupCommand
{
    /// <summary>The exit code on PostgreSQL: nothing is written, as for a command line the tool cannot run.</summary>
    public const int PostgresExitCode = CliApp.UnreadableExitCode;

    public static Command Create()
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "Tệp sao lưu sẽ ghi (ví dụ parindex-2026-11-30.db)", Required = true };
        var force = new Option<bool>("--force") { Description = "Ghi đè tệp sao lưu (và thư mục minh chứng đi kèm) nếu đã có" };
        var evidence = new Option<DirectoryInfo?>("--evidence-dir")
        {
            Description = "Thư mục minh chứng cục bộ của ứng dụng web (Evidence:StoragePath khi Evidence:Store=Local): các tệp mà bản sao nhắc tới được chép vào FILE.evidence/",
        };
        var database = new Database.DatabaseOptions();
        var command = new Command("backup", "Sao lưu trực tuyến cơ sở dữ liệu SQLite (an toàn khi ứng dụng web đang chạy), rồi kiểm tra bản sao. PostgreSQL: dùng pg_dump (docs/operations.md)")
        {
            output, force, evidence,
        };
        database.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var providerName = database.ProviderName(parse);
            if (!ParIndexDatabase.TryParseProvider(providerName, out var parsed))
            {
                stderr.WriteLine($"Lỗi: --provider: {ParIndexDatabase.UnknownProviderMessage(providerName)}");
                return Task.FromResult(CliApp.UnreadableExitCode);
            }

            if (parsed == ParIndexProvider.Postgres)
            {
                stderr.WriteLine("Lỗi: 'parindex backup' chỉ sao lưu SQLite. Với PostgreSQL hãy dùng pg_dump theo quy trình trong docs/operations.md "
                    + "(mục \"Sao lưu và khôi phục\"): pg_dump -Fc, rồi createdb và pg_restore --no-owner để khôi phục. Không có gì được ghi.");
                return Task.FromResult(PostgresExitCode);
            }

            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return Task.FromResult(CliApp.UnreadableExitCode);
            }

            var request = new BackupRequest(resolved.ConnectionString, parse.GetValue(output)!.FullName, parse.GetValue(force), parse.GetValue(evidence)?.FullName);
            return Task.FromResult(SqliteBackup.Run(request, stdout, stderr, cancellationToken));
        });
        return command;
    }
}

/// <summary>What to copy and where.</summary>
/// <param name="EvidenceDirectory">The local evidence folder to copy from, or null to only report what is outside the copy.</param>
internal sealed record BackupRequest(string ConnectionString, string OutputPath, bool Force, string? EvidenceDirectory)
{
    /// <summary>The folder beside the backup file that receives the local evidence files.</summary>
    public string EvidenceOutputPath => OutputPath + ".evidence";
}
