using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application;
using ParIndex.Application.Demo;
using ParIndex.Data;
using ParIndex.Data.Providers;

namespace ParIndex.Web.Tests.Performance;

/// <summary>
/// Counts the SQL commands of one request: a middleware opens a count for the request (an async
/// local, so background work such as the notification worker is not counted) and keeps it when the
/// request ends. Commands that change rows (INSERT, UPDATE, DELETE) are counted apart as well.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox> Current = new();

    public int LastRequest { get; private set; }

    /// <summary>The commands of the last request that wrote rows (one batch of statements is one command).</summary>
    public int LastRequestWrites { get; private set; }

    public IApplicationBuilder Middleware(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var box = new StrongBox();
        Current.Value = box;
        await next(http);
        LastRequest = box.Count;
        LastRequestWrites = box.Writes;
    });

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Count(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Count(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Count(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count(command, result));

    private static T Count<T>(DbCommand command, T result)
    {
        if (Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Count);
            if (Writes(command.CommandText))
            {
                Interlocked.Increment(ref box.Writes);
            }
        }

        return result;
    }

    private static bool Writes(string sql) =>
        sql.Contains("INSERT ", StringComparison.OrdinalIgnoreCase) || sql.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase)
        || sql.Contains("DELETE ", StringComparison.OrdinalIgnoreCase);

    private sealed class StrongBox
    {
        public int Count;
        public int Writes;
    }
}

/// <summary>
/// The web app over a SQLite database filled by <c>parindex demo national</c>'s generator (two
/// published years and an open campaign) at a given number of units, with a <see cref="CommandCounter"/>.
/// </summary>
public sealed class NationalSite : WebApplicationFactory<Program>
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-national-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly string evidence = Path.Combine(Path.GetTempPath(), "parindex-national-evidence-" + Guid.NewGuid().ToString("N"));

    public CommandCounter Counter { get; } = new();

    public NationalDemoResult Data { get; private set; } = null!;

    private string ConnectionString => $"Data Source={file};Pooling=False";

    public async Task GenerateAsync(int units)
    {
        await using var services = OtherProcess();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ParIndexDbContext>().Database.MigrateAsync();
        Data = await scope.ServiceProvider.GetRequiredService<NationalDemoGenerator>().GenerateAsync(units, 2, _ => { }, default);
    }

    /// <summary>Stores the campaign's next results snapshot as another instance of the app would (nothing in this host hears of it).</summary>
    public async Task StoreSnapshotElsewhereAsync(int campaignId)
    {
        await using var services = OtherProcess();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Application.Results.ResultSnapshotService>().StoreAsync(campaignId, "test", default);
    }

    /// <summary>The application's services over the same database, outside the web host.</summary>
    private ServiceProvider OtherProcess()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ParIndexDatabase.ProviderKey] = "Sqlite",
            ["ConnectionStrings:ParIndex"] = ConnectionString,
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddParIndexDatabase(configuration).AddParIndexApplication(configuration).AddParIndexAccountStore()
            .BuildServiceProvider();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ParIndex", ConnectionString);
        builder.UseSetting("Evidence:StoragePath", evidence);
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("RateLimits:VerifyPerMinute", "100000");
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<ParIndexDbContext>(o => o.AddInterceptors(Counter));
            services.AddSingleton<IStartupFilter>(new CountingStartup(Counter));
        });
    }

    /// <summary>Every request says <c>Origin: http://localhost</c>, as a browser on the app's page does.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("Origin", Infrastructure.AppFixture.OwnOrigin);
    }

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await Infrastructure.AppFixture.TryLoginAsync(client, userName, new DemoOptions().Password);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Login of {userName}: {(int)response.StatusCode}");
    }

    public async Task<T> WithDbAsync<T>(Func<ParIndexDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ParIndexDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        if (Directory.Exists(evidence))
        {
            Directory.Delete(evidence, recursive: true);
        }
    }

    private sealed class CountingStartup(CommandCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            counter.Middleware(app);
            next(app);
        };
    }
}
