using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;
using ParIndex.Data.Providers;
using ParIndex.Data.Units;

namespace ParIndex.Cli.Tests.Units;

/// <summary><c>parindex unit merge|split|rename|lineage</c> on a SQLite database, through the web's use case.</summary>
public sealed class UnitCliTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-cli-units-" + Guid.NewGuid().ToString("N") + ".db");

    private string Connection => $"Data Source={file};Pooling=False";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--provider", "Sqlite", "--connection", Connection], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task AddUnitsAsync(params string[] codes)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ParIndexDatabase.ProviderKey] = "Sqlite",
            ["ConnectionStrings:ParIndex"] = Connection,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddParIndexDatabase(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        foreach (var code in codes)
        {
            db.Units.Add(new Unit { Code = code, Name = "Xã " + code, Kind = "commune" });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Merge_then_lineage_shows_the_predecessors_and_refusals_exit_1_or_2()
    {
        Assert.Equal(0, Run("db", "migrate").Code);
        await AddUnitsAsync("XA", "XB", "XC");

        var merge = Run("unit", "merge", "--units", "XA,XB", "--code", "XAB", "--name", "Xã Hợp Nhất", "--date", "2025-07-01", "--operator", "cli:test");
        Assert.True(merge.Code == 0, merge.Err);
        Assert.Contains("Đã hợp nhất XA, XB thành XAB", merge.Out, StringComparison.Ordinal);

        var lineage = Run("unit", "lineage", "XAB", "--json");
        Assert.Equal(0, lineage.Code);
        var json = JsonDocument.Parse(lineage.Out).RootElement;
        Assert.Equal("2025-07-01", json.GetProperty("unit").GetProperty("validFrom").GetString());
        Assert.Equal(["XA", "XB"], json.GetProperty("cameFrom").EnumerateArray().Select(l => l.GetProperty("predecessorCode").GetString()).Order(StringComparer.Ordinal));
        var text = Run("unit", "lineage", "XA");
        Assert.Contains("đến hết 30/06/2025", text.Out, StringComparison.Ordinal);
        Assert.Contains("Kế thừa: XAB", text.Out, StringComparison.Ordinal);

        // An ended unit cannot merge again (1, the unit named); a bad date or --into is the command line's fault (2).
        var again = Run("unit", "merge", "--units", "XA,XC", "--code", "XAC", "--name", "Lại", "--date", "2025-08-01");
        Assert.Equal(1, again.Code);
        Assert.Contains("XA", again.Err, StringComparison.Ordinal);
        Assert.Contains("đã kết thúc", again.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("unit", "rename", "--unit", "XC", "--name", "Mới", "--date", "01/07/2025").Code);
        Assert.Equal(2, Run("unit", "split", "--unit", "XC", "--into", "no-name", "--into", "C2=Hai", "--date", "2025-07-01").Code);
        Assert.Equal(1, Run("unit", "lineage", "KHONG-CO").Code);

        var rename = Run("unit", "rename", "--unit", "XC", "--name", "Xã Mới", "--date", "2025-07-01");
        Assert.Equal(0, rename.Code);
        Assert.Contains("Tên cũ: Xã XC", Run("unit", "lineage", "XC").Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
