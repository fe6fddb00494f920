using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParIndex.Data.Sqlite;

/// <summary>Used by <c>dotnet ef</c> to build the SQLite model when adding migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ParIndexDbContext>
{
    public ParIndexDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ParIndexDbContext>();
        options.UseParIndexSqlite(args.Length > 0 ? args[0] : "Data Source=design-time.db");
        return new ParIndexDbContext(options.Options);
    }
}
