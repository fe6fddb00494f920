using System.Globalization;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, PostgreSQL: the documented pg_dump, createdb and pg_restore commands, run as
/// processes against the test server, restore the live demo (with a save and an evidence upload in
/// the database store made just before the dump) into a new database, on which an instance with
/// migrations off serves the same rankings, totals and last write.
/// </summary>
public sealed class PostgresBackupRestoreTests : IAsyncLifetime
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly string folder = Directory.CreateTempSubdirectory("parindex-pgdump-").FullName;

    private string SourceDatabase => "parindex_live_" + suffix;

    private string RestoredDatabase => "parindex_restored_" + suffix;

    private OperationsApp Live { get; set; } = null!;

    private OperationsApp? Restored { get; set; }

    private static readonly Dictionary<string, string> SharedStore = new() { ["Evidence:Store"] = "Database" };

    private static string ConnectionTo(string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(SourceDatabase);
        Live = new OperationsApp("Postgres", ConnectionTo(SourceDatabase), SharedStore);
        await Live.InitializeAsync();
    }

    [Fact]
    public async Task A_dump_of_the_running_app_restores_into_a_new_database_with_the_same_ranking_totals_and_last_write()
    {
        var write = await LastWrite.MakeAsync(Live);
        var before = await RankingSnapshot.TakeAsync(Live);
        before.AssertNotTrivial();

        var variables = ClientEnvironment();
        variables["PARINDEX_DB"] = SourceDatabase;
        variables["BACKUP"] = Path.Combine(folder, "parindex.dump");
        variables["RESTORE_DB"] = RestoredDatabase;
        var tools = ClientTools();
        await OperationsDoc.RunAsync("pg-backup", variables, tools);
        Assert.True(new FileInfo(variables["BACKUP"]).Length > 0);
        await OperationsDoc.RunAsync("pg-restore", variables, tools);

        Restored = new OperationsApp("Postgres", ConnectionTo(RestoredDatabase), new Dictionary<string, string>(SharedStore)
        {
            ["Database:MigrateAtStartup"] = "false",
        });
        await Restored.InitializeAsync();

        await LastWrite.AssertReadyAsync(Restored);
        before.AssertSameAs(await RankingSnapshot.TakeAsync(Restored));
        await write.AssertInAsync(Restored);
    }

    /// <summary>The libpq variables of the test server (PARINDEX_TEST_POSTGRES), as the doc says to set them.</summary>
    private static Dictionary<string, string> ClientEnvironment()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString);
        var variables = new Dictionary<string, string>
        {
            ["PGHOST"] = server.Host ?? "127.0.0.1",
            ["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = server.Username ?? "postgres",
        };
        if (!string.IsNullOrEmpty(server.Password))
        {
            variables["PGPASSWORD"] = server.Password;
        }

        return variables;
    }

    /// <summary>The client tools of the test server: PARINDEX_PG_BIN (set by scripts/test-all.sh), else the newest installed.</summary>
    private static string ClientTools()
    {
        if (Environment.GetEnvironmentVariable("PARINDEX_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Folder, "pg_dump")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException("No PostgreSQL client tools: set PARINDEX_PG_BIN (scripts/test-all.sh does) or install postgresql.");
    }

    public async Task DisposeAsync()
    {
        await Live.DisposeAsync();
        if (Restored is not null)
        {
            await Restored.DisposeAsync();
        }

        await TestPostgres.DropDatabaseAsync(SourceDatabase);
        await TestPostgres.DropDatabaseAsync(RestoredDatabase);
        Directory.Delete(folder, recursive: true);
    }
}
