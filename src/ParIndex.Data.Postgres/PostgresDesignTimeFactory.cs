using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParIndex.Data.Postgres;

/// <summary>Used by <c>dotnet ef</c> to build the PostgreSQL model; no server is contacted when adding migrations.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<ParIndexDbContext>
{
    public ParIndexDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ParIndexDbContext>();
        options.UseParIndexPostgres(args.Length > 0 ? args[0] : "Host=localhost;Database=parindex;Username=postgres");
        return new ParIndexDbContext(options.Options);
    }
}
