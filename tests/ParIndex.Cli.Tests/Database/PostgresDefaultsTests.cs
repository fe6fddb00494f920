using Npgsql;
using ParIndex.Data.Postgres;

namespace ParIndex.Cli.Tests.Database;

/// <summary>The PostgreSQL connection defaults of ADR 0134: automatic preparation unless the operator sets it.</summary>
public sealed class PostgresDefaultsTests
{
    [Fact]
    public void A_connection_string_without_max_auto_prepare_gets_the_default()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresDatabase.WithDefaults("Host=db;Database=parindex;Username=app;Password=s3cret"));
        Assert.Equal(PostgresDatabase.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal("s3cret", result.Password);
        Assert.Equal("parindex", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10)]
    public void An_explicit_setting_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresDatabase.WithDefaults(connectionString)).MaxAutoPrepare);
}
