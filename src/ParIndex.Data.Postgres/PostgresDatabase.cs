using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data.Postgres;

/// <summary>Configures the context for PostgreSQL (Npgsql) with the migrations of this assembly.</summary>
public static class PostgresDatabase
{
    public const string ProviderName = "Postgres";

    public static TBuilder UseParIndexPostgres<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
        return builder;
    }
}
