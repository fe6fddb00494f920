using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;

namespace ParIndex.Web.Tests.Infrastructure;

/// <summary>
/// The app on a fresh database of one provider, in demo mode (units, accounts, the Bắc Giang 2023
/// self-assessment imported from the seed). One database per test class; it is deleted afterwards.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "ParIndex@2023";

    /// <summary>The evidence size limit used in tests (64 KiB), so that an oversize file is cheap to make.</summary>
    public const long MaxEvidenceBytes = 64 * 1024;

    public string EvidenceFolder { get; } = Path.Combine(Path.GetTempPath(), "parindex-evidence-" + Guid.NewGuid().ToString("N"));

    public abstract string ProviderName { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync()
    {
        // Building the host runs the migrations and the demo seed.
        _ = Services;
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(EvidenceFolder))
        {
            Directory.Delete(EvidenceFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("ConnectionStrings:ParIndex", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Demo:SeedTable", Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt"));
        builder.UseSetting("Evidence:StoragePath", EvidenceFolder);
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("RateLimits:VerifyPerMinute", "100000");
        builder.UseSetting("Auth:IdleTimeout", "00:20:00");
        builder.UseSetting("Evidence:MaxBytes", MaxEvidenceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRequestsStartupFilter>());
    }

    /// <summary>
    /// Clients act like a browser on the app's own page: every request says <c>Origin: http://localhost</c>,
    /// as browsers do on state-changing requests. Cross-site tests override or remove it.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("Origin", OwnOrigin);
    }

    /// <summary>The origin the test server answers as.</summary>
    public const string OwnOrigin = "http://localhost";

    /// <summary>A request header (test host only) that sets the client address the app sees.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>A path (test host only) whose request throws, to see what a user gets for a 500.</summary>
    public const string ThrowingPath = "/test/throws";

    /// <summary>An internal text that must never reach a user.</summary>
    public const string InternalExceptionText = "internal-detail-7f3a: connection string leaked";

    private sealed class TestRequestsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
            // After the app's endpoints: reached only by paths no endpoint matched, inside the app's error handling.
            app.Use((context, nextMiddleware) =>
                context.Request.Path.Equals(ThrowingPath) || context.Request.Path.Equals("/api" + ThrowingPath)
                    ? throw new InvalidOperationException(InternalExceptionText)
                    : nextMiddleware(context));
        };
    }

    /// <summary>A client with its own cookie jar, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await TryLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Posts the login form (with its antiforgery token) and returns the response.</summary>
    public static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = FormToken(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/login", UriKind.Relative), form);
    }

    /// <summary>The antiforgery token of the first form of a page.</summary>
    public static string FormToken(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
    }

    /// <summary>An antiforgery token for script-style requests (header <c>X-XSRF-TOKEN</c>).</summary>
    public static async Task<string> ApiTokenAsync(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/antiforgery", UriKind.Relative));
        return json.GetProperty("token").GetString()!;
    }

    public async Task<T> WithDbAsync<T>(Func<ParIndexDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ParIndexDbContext>());
    }
}

public class SqliteAppFixture : AppFixture
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-test-" + Guid.NewGuid().ToString("N") + ".db");

    public override string ProviderName => "Sqlite";

    protected override string ConnectionString => $"Data Source={file};Pooling=False";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// A unique database on the throwaway server named by <c>PARINDEX_TEST_POSTGRES</c> (set by
/// scripts/test-all.sh), created before the class and dropped after it.
/// </summary>
public class PostgresAppFixture : AppFixture
{
    private readonly string database = "parindex_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string ProviderName => "Postgres";

    internal static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PARINDEX_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("PARINDEX_TEST_POSTGRES is not set: run scripts/test-all.sh, which starts a throwaway PostgreSQL server.");

    protected override string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await using (var connection = new Npgsql.NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\"";
            await command.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
