using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Postgres;
using ParIndex.Data.Sqlite;

namespace ParIndex.Web.Tests.Data;

/// <summary>A model change without a migration for either provider fails here.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new ParIndexDbContext(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration: run dotnet ef migrations add … --project src/ParIndex.Data.Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var db = new ParIndexDbContext(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexPostgres("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a PostgreSQL migration: run dotnet ef migrations add … --project src/ParIndex.Data.Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Each_provider_has_its_own_migrations_assembly()
    {
        using var sqlite = new ParIndexDbContext(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite("Data Source=:memory:").Options);
        using var postgres = new ParIndexDbContext(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexPostgres("Host=localhost;Database=unused").Options);
        Assert.Contains(sqlite.Database.GenerateCreateScript().Split('\n'), l => l.Contains("\"Points\" TEXT", StringComparison.Ordinal));
        Assert.Contains(postgres.Database.GenerateCreateScript().Split('\n'), l => l.Contains("\"Points\" numeric(28,10)", StringComparison.Ordinal));
    }
}
