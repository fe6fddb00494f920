using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ParIndex.Data.Postgres;

/// <summary>
/// The session-level advisory lock around migrations and seeding (ADR 0111), on a connection of its
/// own: instances and the migrate command starting together on one database wait for each other.
/// On any other provider (SQLite: one process) it takes nothing.
/// </summary>
public sealed class PostgresStartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock key ("PARIDX" in ASCII).</summary>
    public const long Key = 0x504152494458;

    private readonly NpgsqlConnection? connection;

    private PostgresStartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<PostgresStartupLock> TakeAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return new PostgresStartupLock(null);
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            // No timeout: the wait lasts as long as the other instance's migrations and seed.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new PostgresStartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        // Closing the session releases the lock too; the explicit unlock frees it at once.
        await using (connection)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
    }
}
