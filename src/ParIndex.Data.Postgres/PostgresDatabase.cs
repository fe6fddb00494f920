using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data.Postgres;

/// <summary>Configures the context for PostgreSQL (Npgsql) with the migrations of this assembly.</summary>
public static class PostgresDatabase
{
    public const string ProviderName = "Postgres";

    public static DbContextOptionsBuilder UseParIndexPostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
    }
}
