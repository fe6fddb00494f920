using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Sqlite;

namespace ParIndex.Cli.Tests.Database;

/// <summary><c>parindex db migrate</c>: the deployment step that creates or updates the schema.</summary>
public sealed class DbCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-cli-migrate-" + Guid.NewGuid().ToString("N") + ".db");

    private string Connection => $"Data Source={file};Pooling=False";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Migrate_creates_the_schema_once_and_then_reports_it_is_current()
    {
        var first = Run("db", "migrate", "--provider", "Sqlite", "--connection", Connection);
        Assert.Equal(0, first.Code);
        Assert.Contains("Đã áp dụng", first.Out, StringComparison.Ordinal);
        await using (var db = new ParIndexDbContext(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite(Connection).Options))
        {
            // The report names the migrations it applied, the newest included.
            Assert.Contains(db.Database.GetMigrations().Last(), first.Out, StringComparison.Ordinal);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        }

        var second = Run("db", "migrate", "--provider", "Sqlite", "--connection", Connection);
        Assert.Equal(0, second.Code);
        Assert.Contains("phiên bản mới nhất", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_exits_2_with_a_message()
    {
        var result = Run("db", "migrate", "--provider", "Oracle", "--connection", Connection);
        Assert.Equal(2, result.Code);
        Assert.Contains("không được hỗ trợ", result.Err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
