using ParIndex.Data;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Tests.Database;

/// <summary>
/// An empty database of its own on the server of PARINDEX_TEST_POSTGRES, created before a test and
/// dropped after it: created up front as a deployment does (the migrate command locks inside it).
/// </summary>
internal sealed class ThrowawayPostgresDatabase(string prefix)
{
    private readonly string name = prefix + Guid.NewGuid().ToString("N");

    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ConnectionString;

    private static string Server => Environment.GetEnvironmentVariable("PARINDEX_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException("PARINDEX_TEST_POSTGRES is not set: run scripts/test-all.sh, which starts a throwaway PostgreSQL server.");

    public async Task CreateAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        await using var db = new ParIndexDbContext(ParIndexDatabase.Describe("Postgres", ConnectionString).Options());
        await db.Database.EnsureDeletedAsync();
    }
}
