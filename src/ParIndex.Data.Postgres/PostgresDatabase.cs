using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ParIndex.Data.Postgres;

/// <summary>Configures the context for PostgreSQL (Npgsql) with the migrations of this assembly.</summary>
public static class PostgresDatabase
{
    public const string ProviderName = "Postgres";

    /// <summary>
    /// Statements prepared automatically per physical connection when the connection string sets no
    /// <c>Max Auto Prepare</c> (ADR 0134): the app repeats a small set of statements, and planning
    /// them on every execution was most of PostgreSQL's time per save.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static TBuilder UseParIndexPostgres<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(WithDefaults(connectionString), npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
        return builder;
    }

    /// <summary>The connection string with ParIndex's defaults for settings it does not name.</summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // An explicit value (0 turns automatic preparation off) is kept.
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }
}
