using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Results;
using ParIndex.Cli.Database;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Tests.Demo;

/// <summary>
/// <c>parindex demo national</c> at a small size: an empty database is migrated and filled with
/// every kind of unit, published campaigns whose stored results list every unit and equal what the
/// results code computes, and an open campaign; a second run refuses a database that is not empty.
/// </summary>
public abstract class NationalDemoCommandTests : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "parindex-cli-national-" + Guid.NewGuid().ToString("N"));

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--provider", Provider, "--connection", ConnectionString], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Fills_an_empty_database_with_every_unit_kind_and_published_stored_results_then_refuses_a_second_run()
    {
        var run = Run("demo", "national", "--units", "40", "--years", "2");
        Assert.True(run.Code == 0, run.Err);
        var last = run.Out.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("Kỳ đã công bố: ", last, StringComparison.Ordinal);
        var campaignId = int.Parse(last["Kỳ đã công bố: ".Length..], CultureInfo.InvariantCulture);

        await using var services = DatabaseOptions.Services(ParIndexDatabase.Describe(Provider, ConnectionString));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        Assert.Equal(40, await db.Units.CountAsync());
        Assert.Equal(["commune", "department", "district", "ministry", "province"], (await db.Units.Select(u => u.Kind).Distinct().ToListAsync()).Order(StringComparer.Ordinal));
        Assert.All(await db.Units.Select(u => u.Name).ToListAsync(), n => Assert.Contains("dữ liệu mẫu", n, StringComparison.Ordinal));
        var campaigns = await db.Campaigns.OrderBy(c => c.Year).ToListAsync();
        Assert.Equal(3, campaigns.Count);
        Assert.All(campaigns, c => Assert.True(c.IsSample));
        Assert.Equal(campaignId, campaigns[1].Id);
        Assert.Equal(campaigns[0].Id, campaigns[1].PreviousCampaignId);
        Assert.Null(campaigns[2].PublishedAt);
        Assert.Equal(101 * 40 * 3, await db.LeafEntries.CountAsync());
        Assert.True(await db.SurveySipasResults.AnyAsync(s => s.CampaignId == campaignId));
        Assert.Equal(40, await db.Assessments.CountAsync(a => a.CampaignId == campaignId && a.Status == AssessmentStatus.Published));

        // The stored results are the results code's own: every unit ranked, the same figures.
        var snapshots = scope.ServiceProvider.GetRequiredService<ResultSnapshotService>();
        var (stored, header) = await snapshots.CampaignAsync(campaignId, default);
        Assert.Equal(1, header.Version);
        var computed = await scope.ServiceProvider.GetRequiredService<ResultsService>().CampaignAsync(campaignId, publicOnly: true, default);
        Assert.Equal(40, stored.Units.Count);
        Assert.Equal(computed.Units.Select(u => (u.UnitId, u.Rank, u.Index, u.IndexChange)), stored.Units.Select(u => (u.UnitId, u.Rank, u.Index, u.IndexChange)));
        Assert.All(stored.Units, u => Assert.NotNull(u.PreviousIndex));

        var again = Run("demo", "national", "--units", "40");
        Assert.Equal(1, again.Code);
        Assert.Contains("cơ sở dữ liệu trống", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_unit_count_out_of_range()
    {
        var run = Run("demo", "national", "--units", "3");
        Assert.Equal(1, run.Code);
        Assert.Contains("units", run.Err, StringComparison.Ordinal);
    }
}

public sealed class SqliteNationalDemoCommandTests : NationalDemoCommandTests
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "parindex.db")};Pooling=False";
}

/// <summary>The same on PostgreSQL (PARINDEX_TEST_POSTGRES, a throwaway database per test): the COPY path.</summary>
public sealed class PostgresNationalDemoCommandTests : NationalDemoCommandTests
{
    private readonly string database = "parindex_national_" + Guid.NewGuid().ToString("N");

    protected override string Provider => "Postgres";

    protected override string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = false }.ConnectionString;

    private static string Server => Environment.GetEnvironmentVariable("PARINDEX_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException("PARINDEX_TEST_POSTGRES is not set: run scripts/test-all.sh, which starts a throwaway PostgreSQL server.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new Npgsql.NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await using (var db = new ParIndexDbContext(ParIndexDatabase.Describe(Provider, ConnectionString).Options()))
        {
            await db.Database.EnsureDeletedAsync();
        }

        await base.DisposeAsync();
    }
}
