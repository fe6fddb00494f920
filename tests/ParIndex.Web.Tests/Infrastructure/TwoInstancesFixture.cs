using Microsoft.AspNetCore.Hosting;

namespace ParIndex.Web.Tests.Infrastructure;

/// <summary>One instance of the app on a given PostgreSQL database, with extra settings.</summary>
public sealed class InstanceApp(string connectionString, IReadOnlyDictionary<string, string> settings) : AppFixture
{
    public override string ProviderName => "Postgres";

    protected override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>
/// Two instances of the app on ONE fresh PostgreSQL database, evidence in the database, started at
/// the same moment (each migrates and seeds at startup, as a deployment without a separate step does).
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly string database = "parindex_two_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;

    public InstanceApp A { get; private set; } = null!;

    public InstanceApp B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(database);
        var settings = new Dictionary<string, string> { ["Evidence:Store"] = "Database" };
        A = new InstanceApp(ConnectionString, settings);
        B = new InstanceApp(ConnectionString, settings);
        // Both hosts build (migrate, seed, make the first key) at the same moment.
        await Task.WhenAll(Task.Run(A.InitializeAsync), Task.Run(B.InitializeAsync));
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
    }
}
