using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data.Sqlite;

/// <summary>Configures the context for SQLite with the migrations of this assembly.</summary>
public static class SqliteDatabase
{
    public const string ProviderName = "Sqlite";

    public static TBuilder UseParIndexSqlite<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
        return builder;
    }
}
