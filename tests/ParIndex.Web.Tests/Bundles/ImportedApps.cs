using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Bundles;
using ParIndex.Data.Evidence;
using ParIndex.Data.Postgres;
using ParIndex.Data.Sqlite;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Bundles;

/// <summary>
/// The app on a database filled by a bundle import instead of the seed. Import first (the database is
/// migrated and filled through <see cref="BundleReader"/>, evidence through this app's store), then use
/// it as any <see cref="AppFixture"/>: the seed finds the units and adds nothing.
/// </summary>
public abstract class ImportedApp : AppFixture
{
    public abstract ParIndexDbContext CreateContext();

    /// <summary>This app's evidence store settings, used by the import too.</summary>
    public virtual EvidenceStoreOptions EvidenceOptions => new() { StoragePath = EvidenceFolder };

    public override Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Migrates the empty database and imports the bundle; the host is not started.</summary>
    public async Task<BundleSummary> ImportAsync(string bundlePath)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        using var stores = EvidenceStores.Create(db, EvidenceOptions);
        await using var bundle = File.OpenRead(bundlePath);
        return await new BundleReader(db, stores.Store).ImportAsync(bundle, CancellationToken.None);
    }

    /// <summary>Starts the host (migrations are current, the seed finds the data).</summary>
    public void Start() => _ = Services;
}

public sealed class ImportedSqliteApp : ImportedApp
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-imported-" + Guid.NewGuid().ToString("N") + ".db");

    public override string ProviderName => "Sqlite";

    protected override string ConnectionString => $"Data Source={file};Pooling=False";

    public override ParIndexDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite(ConnectionString).Options);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>A fresh PostgreSQL database whose evidence lives in the database store (the import writes it through that store).</summary>
public sealed class ImportedPostgresApp : ImportedApp
{
    private readonly string database = "parindex_imported_" + Guid.NewGuid().ToString("N")[..12];

    public override string ProviderName => "Postgres";

    protected override string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;

    public override EvidenceStoreOptions EvidenceOptions => new() { Store = EvidenceStoreKind.Database, StagingPath = EvidenceFolder };

    public override ParIndexDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexPostgres(ConnectionString).Options);

    public override Task InitializeAsync() => TestPostgres.CreateDatabaseAsync(database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Evidence:Store", "Database");
        builder.UseSetting("Evidence:StagingPath", EvidenceFolder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
    }
}
