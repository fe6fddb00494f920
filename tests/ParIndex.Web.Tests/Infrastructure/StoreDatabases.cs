using Amazon.S3;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Evidence;
using ParIndex.Data.Postgres;
using ParIndex.Data.Sqlite;

namespace ParIndex.Web.Tests.Infrastructure;

/// <summary>A fresh, migrated database without the web app (no seed): enough for the evidence store contract.</summary>
public abstract class StoreDatabase : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "parindex-store-" + Guid.NewGuid().ToString("N"));

    public abstract ParIndexDbContext CreateContext();

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class SqliteStoreDatabase : StoreDatabase
{
    private string File => Path.Combine(Folder, "store.db");

    public override ParIndexDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite($"Data Source={File};Pooling=False").Options);
}

/// <summary>A database on the throwaway PostgreSQL server and, for the S3 store, a bucket on the test S3 server.</summary>
public sealed class PostgresStoreDatabase : StoreDatabase
{
    private readonly string database = "parindex_store_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;

    public override ParIndexDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexPostgres(ConnectionString).Options);

    public override async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(database);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
    }
}

public static class TestPostgres
{
    public static async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresAppFixture.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database}\"";
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(PostgresAppFixture.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The S3-protocol server that scripts/test-all.sh starts (<c>s3rver</c>, named by
/// <c>PARINDEX_TEST_S3</c>); without it the S3 tests fail, they do not skip.
/// </summary>
public static class TestS3
{
    // s3rver's fixed credentials.
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    public static string ServiceUrl =>
        Environment.GetEnvironmentVariable("PARINDEX_TEST_S3") is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException("PARINDEX_TEST_S3 is not set: run scripts/test-all.sh, which starts an S3-protocol server (s3rver).");

    public static S3EvidenceOptions Options(string bucket) =>
        new() { ServiceUrl = ServiceUrl, Bucket = bucket, AccessKey = AccessKey, SecretKey = SecretKey };

    /// <summary>A new bucket with a unique name.</summary>
    public static async Task<string> CreateBucketAsync()
    {
        var bucket = "parindex-" + Guid.NewGuid().ToString("N")[..16];
        using var client = S3EvidenceStore.CreateClient(Options(bucket));
        await client.PutBucketAsync(bucket);
        return bucket;
    }

    /// <summary>Whether the bucket holds an object under this key.</summary>
    public static async Task<bool> ExistsAsync(string bucket, string key)
    {
        using var client = S3EvidenceStore.CreateClient(Options(bucket));
        try
        {
            await client.GetObjectMetadataAsync(bucket, key);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
