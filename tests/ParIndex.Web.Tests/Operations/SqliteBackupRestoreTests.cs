using Microsoft.Data.Sqlite;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, SQLite: <c>parindex backup</c> of the live demo (right after a save and an
/// evidence upload, and while the same save keeps repeating), restored with the documented commands
/// into a new place, serves the same rankings, the same totals and the last write.
/// </summary>
public sealed class SqliteBackupRestoreTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("parindex-backup-").FullName;

    private OperationsApp Live { get; set; } = null!;

    private OperationsApp? Restored { get; set; }

    private string LiveDatabase => Path.Combine(folder, "live", "parindex.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LiveDatabase)!);
        Live = new OperationsApp("Sqlite", $"Data Source={LiveDatabase};Pooling=False", new Dictionary<string, string>());
        await Live.InitializeAsync();
    }

    [Fact]
    public async Task A_backup_of_the_running_app_restores_to_the_same_ranking_totals_and_last_write()
    {
        var write = await LastWrite.MakeAsync(Live);
        var before = await RankingSnapshot.TakeAsync(Live);
        before.AssertNotTrivial();

        var backup = Path.Combine(folder, "backups", "parindex-backup.db");
        var backupDone = new TaskCompletionSource();
        var racing = write.RewriteUntilAsync(Live, backupDone.Task);
        string report;
        try
        {
            report = await OperationsDoc.RunAsync("sqlite-backup", new Dictionary<string, string>
            {
                ["PARINDEX_DB"] = LiveDatabase,
                ["EVIDENCE_DIR"] = Live.EvidenceFolder,
                ["BACKUP"] = backup,
            });
        }
        finally
        {
            backupDone.SetResult();
        }

        Assert.True(await racing > 0);
        Assert.Contains("integrity_check = ok", report, StringComparison.Ordinal);
        Assert.Contains("1 ở thư mục cục bộ", report, StringComparison.Ordinal);
        Assert.Contains("Đã chép 1 tệp minh chứng", report, StringComparison.Ordinal);

        // Restored into another place, as onto a new machine; the live app keeps running meanwhile.
        var restoredDatabase = Path.Combine(folder, "restored", "data", "parindex.db");
        var restoredEvidence = Path.Combine(folder, "restored", "data", "evidence");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredDatabase)!);
        await OperationsDoc.RunAsync("sqlite-restore", new Dictionary<string, string>
        {
            ["PARINDEX_DB"] = restoredDatabase,
            ["EVIDENCE_DIR"] = restoredEvidence,
            ["BACKUP"] = backup,
        });
        Restored = new OperationsApp("Sqlite", $"Data Source={restoredDatabase};Pooling=False", new Dictionary<string, string>
        {
            ["Evidence:StoragePath"] = restoredEvidence,
        });
        await Restored.InitializeAsync();

        await LastWrite.AssertReadyAsync(Restored);
        before.AssertSameAs(await RankingSnapshot.TakeAsync(Restored));
        await write.AssertInAsync(Restored);
    }

    public async Task DisposeAsync()
    {
        await Live.DisposeAsync();
        if (Restored is not null)
        {
            await Restored.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
