using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application;
using ParIndex.Application.Accounts;
using ParIndex.Application.Appraisal;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Demo;
using ParIndex.Application.Problems;
using ParIndex.Application.Results;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Providers;
using ParIndex.Data.Units;

namespace ParIndex.Cli.Tests.Application;

/// <summary>
/// The use cases a batch command needs (campaign list/create/publish, results) run in a plain
/// service provider, as the CLI builds it: no web host, no HttpContext, an operator as the user,
/// and refusals as error kinds rather than HTTP statuses (ADR 0113).
/// </summary>
public sealed class UseCasesWithoutHttpTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-cli-usecases-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task A_campaign_is_created_listed_computed_and_refused_publication_without_a_web_host()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ParIndex"] = $"Data Source={file};Pooling=False",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddParIndexDatabase(configuration)
            .AddParIndexApplication(configuration)
            .AddParIndexAccountStore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        var unit = db.Units.Add(new Unit { Code = "T01", Name = "Tỉnh Thử", Kind = "province" }).Entity;
        await db.SaveChangesAsync();

        var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
        var framework = (await campaigns.FrameworksAsync(CancellationToken.None)).First(f => f.UnitKind == "province");
        var created = await campaigns.CreateAsync(new CampaignRequest("Kỳ thử 2026", 2026, framework.Id, [unit.Id], null), CancellationToken.None);
        Assert.Equal("Tỉnh Thử", Assert.Single(created.Units).UnitName);
        Assert.Equal(created.Id, Assert.Single(await campaigns.ListAsync(CancellationToken.None)).Id);

        var results = await scope.ServiceProvider.GetRequiredService<ResultsService>().CampaignAsync(created.Id, publicOnly: false, CancellationToken.None);
        Assert.Equal("Kỳ thử 2026", results.CampaignName);
        Assert.Null(results.PublishedAt);

        // A draft assessment cannot be published: the refusal is an error kind, not a status code.
        var operatorUser = CurrentUser.Operator("cli:test");
        var refused = await Assert.ThrowsAnyAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<CampaignAppraisalService>()
            .ApplyToAllAsync(created.Id, WorkflowAction.Publish, operatorUser, CancellationToken.None));
        Assert.Contains(refused.Kind, new[] { ErrorKind.Conflict, ErrorKind.Forbidden, ErrorKind.Invalid });
        Assert.Contains("Tỉnh Thử", refused.Message, StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAnyAsync<DomainException>(() => campaigns.CreateAsync(new CampaignRequest("", 2026, framework.Id, [unit.Id], null), CancellationToken.None));
        Assert.Equal(ErrorKind.Invalid, invalid.Kind);
        Assert.Equal("The campaign name is required.", invalid.EnglishDetail);
    }

    [Fact]
    public void The_operator_administers_and_coordinates_every_unit()
    {
        var user = CurrentUser.Operator("cli:root");
        Assert.Equal("cli:root", user.UserName);
        Assert.True(user.IsAdministrator);
        Assert.True(user.IsCoordinator);
        Assert.True(user.SeesAllUnits);
        Assert.Null(user.UnitId);
        Assert.Throws<ArgumentException>(() => CurrentUser.Operator(" "));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
