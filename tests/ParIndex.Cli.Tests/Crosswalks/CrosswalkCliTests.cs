using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application;
using ParIndex.Application.Demo;
using ParIndex.Data;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Tests.Crosswalks;

/// <summary>
/// <c>parindex crosswalk list|suggest|import|export</c> and <c>campaign rollover</c> on a demo
/// database (SQLite; the use cases run on PostgreSQL in the web tests): the same use cases as the pages.
/// </summary>
public sealed class CrosswalkCliTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "parindex-cli-crosswalk-" + Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(folder, "parindex.db")};Pooling=False";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Assert.Equal(0, Run("db", "migrate").Code);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ParIndexDatabase.ProviderKey] = "Sqlite",
            ["ConnectionStrings:ParIndex"] = ConnectionString,
            ["Demo:Enabled"] = "true",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddParIndexDatabase(configuration).AddParIndexApplication(configuration).AddParIndexAccountStore()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--provider", "Sqlite", "--connection", ConnectionString], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Export_import_suggest_and_rollover_run_the_use_cases_with_their_exit_codes()
    {
        var list = Run("crosswalk", "list", "--json");
        Assert.Equal(0, list.Code);
        var sample = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Single();
        Assert.True(sample.GetProperty("isSample").GetBoolean());
        var id = sample.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var file = Path.Combine(folder, "crosswalk.json");
        Assert.Equal(0, Run("crosswalk", "export", id, "-o", file).Code);
        Assert.Equal(2, Run("crosswalk", "export", id, "-o", file).Code); // exists, no --force
        Assert.Contains("\"kind\": \"many-to-one\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        var again = Run("crosswalk", "import", file);
        Assert.Equal(1, again.Code);
        Assert.Contains("thay", again.Err, StringComparison.Ordinal);
        var replaced = Run("crosswalk", "import", file, "--replace", "--operator", "cli:test");
        Assert.Equal(0, replaced.Code);
        Assert.Equal(id, replaced.Out.Trim());
        Assert.Equal(2, Run("crosswalk", "import", Path.Combine(folder, "missing.json")).Code);
        var broken = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{\"format\": \"parindex-crosswalk/1\", \"entries\": 3}");
        var unreadable = Run("crosswalk", "import", broken);
        Assert.Equal(2, unreadable.Code);
        Assert.Contains("broken.json", unreadable.Err, StringComparison.Ordinal);
        var same = Run("crosswalk", "suggest", "--from", "par-index-province-2023", "--to", "par-index-province-2023");
        Assert.Equal(1, same.Code);

        var campaign = await WithDbAsync(db => db.Campaigns.Where(c => c.Name == DemoSeeder.CampaignName).Select(c => c.Id).SingleAsync());
        var source = campaign.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, Run("campaign", "rollover", source, "--year", "2023", "--framework", DemoCrosswalkSeeder.SampleFrameworkId).Code);
        var rolled = Run("campaign", "rollover", source, "--year", "2024", "--framework", DemoCrosswalkSeeder.SampleFrameworkId, "--json");
        Assert.Equal(0, rolled.Code);
        var result = JsonDocument.Parse(rolled.Out).RootElement;
        Assert.Equal(2, result.GetProperty("units").GetInt32());
        Assert.Equal(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), result.GetProperty("crosswalkId").GetInt32());
        var created = await WithDbAsync(db => db.Campaigns.SingleAsync(c => c.Id == result.GetProperty("campaignId").GetInt32()));
        Assert.Equal("PAR INDEX 2024 cấp tỉnh", created.Name);
        Assert.Equal(campaign, created.PreviousCampaignId);
        Assert.Equal(1, await WithDbAsync(db => db.CrosswalkRevisions.CountAsync(r => r.UserName == "cli:test" && r.Action == "imported")));
    }

    private async Task<T> WithDbAsync<T>(Func<ParIndexDbContext, Task<T>> use)
    {
        await using var db = new ParIndexDbContext(ParIndexDatabase.Describe("Sqlite", ConnectionString).Options());
        return await use(db);
    }
}
