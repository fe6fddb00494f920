using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data.Sqlite;

/// <summary>Configures the context for SQLite with the migrations of this assembly.</summary>
public static class SqliteDatabase
{
    public const string ProviderName = "Sqlite";

    public static DbContextOptionsBuilder UseParIndexSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
    }
}
