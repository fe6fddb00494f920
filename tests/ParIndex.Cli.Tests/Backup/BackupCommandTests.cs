using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParIndex.Cli.Backup;
using ParIndex.Data;
using ParIndex.Data.Sqlite;

namespace ParIndex.Cli.Tests.Backup;

/// <summary><c>parindex backup</c> on its own: what it writes, what it refuses, and its exit codes.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parindex-cli-backup-").FullName;

    private string Source => Path.Combine(folder, "parindex.db");

    private string Output => Path.Combine(folder, "backup.db");

    private string SourceConnection => $"Data Source={Source};Pooling=False";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void Migrate() => Assert.Equal(0, Run("db", "migrate", "--connection", SourceConnection).Code);

    [Fact]
    public async Task The_copy_is_checked_reported_and_opens_with_the_same_migrations()
    {
        Migrate();
        var result = Run("backup", "-o", Output, "--connection", SourceConnection);
        Assert.Equal(0, result.Code);
        Assert.Contains(Output, result.Out, StringComparison.Ordinal);
        Assert.Contains("integrity_check = ok", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 bản đánh giá", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{new FileInfo(Output).Length} byte", result.Out, StringComparison.Ordinal);
        await using var copy = new ParIndexDbContext(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite($"Data Source={Output};Pooling=False").Options);
        var applied = (await copy.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(copy.Database.GetMigrations(), applied);
        Assert.Contains(applied[^1], result.Out, StringComparison.Ordinal);
        // Nothing but the copy is left beside it (no temporary, -wal or -shm file).
        Assert.Equal(["backup.db", "parindex.db"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_output_is_not_overwritten_without_force_and_is_with_it()
    {
        Migrate();
        File.WriteAllText(Output, "an older backup");
        var refused = Run("backup", "-o", Output, "--connection", SourceConnection);
        Assert.Equal(2, refused.Code);
        Assert.Contains(Output, refused.Err, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);
        Assert.Equal("an older backup", File.ReadAllText(Output));

        var forced = Run("backup", "-o", Output, "--force", "--connection", SourceConnection);
        Assert.Equal(0, forced.Code);
        using var connection = new SqliteConnection($"Data Source={Output};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        Assert.True(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void On_PostgreSQL_it_writes_nothing_and_points_to_the_pg_dump_procedure()
    {
        var result = Run("backup", "-o", Output, "--provider", "Postgres", "--connection", "Host=127.0.0.1;Database=parindex");
        Assert.Equal(BackupCommand.PostgresExitCode, result.Code);
        Assert.Equal(2, result.Code);
        Assert.Contains("pg_dump", result.Err, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_file_that_is_not_a_database_exits_2_naming_it()
    {
        File.WriteAllText(Source, "not a database at all, just text");
        var result = Run("backup", "-o", Output, "--connection", SourceConnection);
        Assert.Equal(2, result.Code);
        Assert.Contains(Source, result.Err, StringComparison.Ordinal);
        Assert.Equal([Source], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_missing_database_exits_2_naming_it_and_creates_nothing()
    {
        var result = Run("backup", "-o", Output, "--connection", SourceConnection);
        Assert.Equal(2, result.Code);
        Assert.Contains(Source, result.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_SQLite_database_that_is_not_ParIndex_exits_2_and_keeps_no_copy()
    {
        using (var connection = new SqliteConnection(SourceConnection))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Other (Id INTEGER)";
            command.ExecuteNonQuery();
        }

        var result = Run("backup", "-o", Output, "--connection", SourceConnection);
        Assert.Equal(2, result.Code);
        Assert.Contains("__EFMigrationsHistory", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_missing_evidence_folder_exits_2_naming_it()
    {
        Migrate();
        var missing = Path.Combine(folder, "no-such-evidence");
        var result = Run("backup", "-o", Output, "--connection", SourceConnection, "--evidence-dir", missing);
        Assert.Equal(2, result.Code);
        Assert.Contains(missing, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Local_evidence_files_named_by_the_copy_are_copied_and_checked_and_a_changed_one_is_exit_1()
    {
        Migrate();
        var evidence = Directory.CreateDirectory(Path.Combine(folder, "evidence")).FullName;
        var bytes = "%PDF-1.4 kế hoạch"u8.ToArray();
        File.WriteAllBytes(Path.Combine(evidence, "a1.bin"), bytes);
        File.WriteAllBytes(Path.Combine(evidence, "not-named-by-the-database.bin"), [1, 2, 3]);
        AddLocalEvidenceRow("a1.bin", bytes);

        var unmentioned = Run("backup", "-o", Output, "--connection", SourceConnection);
        Assert.Equal(0, unmentioned.Code);
        Assert.Contains("1 tệp minh chứng nằm trong thư mục cục bộ", unmentioned.Out, StringComparison.Ordinal);
        Assert.Contains("--evidence-dir", unmentioned.Out, StringComparison.Ordinal);

        var copied = Run("backup", "-o", Output, "--force", "--connection", SourceConnection, "--evidence-dir", evidence);
        Assert.Equal(0, copied.Code);
        Assert.Equal(["a1.bin"], Directory.GetFiles(Output + ".evidence").Select(Path.GetFileName));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(Output + ".evidence", "a1.bin")));

        File.WriteAllBytes(Path.Combine(evidence, "a1.bin"), [.. bytes, 0]);
        var changed = Run("backup", "-o", Output, "--force", "--connection", SourceConnection, "--evidence-dir", evidence);
        Assert.Equal(1, changed.Code);
        Assert.Contains("a1.bin", changed.Err, StringComparison.Ordinal);
        Assert.Contains("SHA-256", changed.Err, StringComparison.Ordinal);
        // The database copy is kept and still checked.
        Assert.Contains("integrity_check = ok", changed.Out, StringComparison.Ordinal);
    }

    /// <summary>An evidence row as the local store writes it (foreign keys off: no assessment is needed).</summary>
    private void AddLocalEvidenceRow(string storageName, byte[] bytes)
    {
        using var connection = new SqliteConnection(SourceConnection + ";Foreign Keys=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "EvidenceFiles" ("Id", "AssessmentId", "FileName", "ContentType", "Size", "Sha256", "UploadedBy", "UploadedAt", "StorageName")
            VALUES ($id, 1, 'ke-hoach.pdf', 'application/pdf', $size, $sha, 'test', '2026-11-30 00:00:00', $name)
            """;
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$size", bytes.Length);
        command.Parameters.AddWithValue("$sha", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        command.Parameters.AddWithValue("$name", storageName);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
