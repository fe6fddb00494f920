using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;
using ParIndex.Data.Postgres.Surveys;
using ParIndex.Data.Providers;
using ParIndex.Data.Sqlite.Surveys;
using ParIndex.Data.Surveys;

namespace ParIndex.Cli.Tests.Database;

/// <summary>The one database registration shared by the web app, the CLI and the benchmarks.</summary>
public sealed class ParIndexDatabaseTests
{
    private const string PostgresConnection = "Host=localhost;Database=parindex;Username=parindex;Password=x";

    [Theory]
    [InlineData(null, ParIndexProvider.Sqlite)]
    [InlineData("", ParIndexProvider.Sqlite)]
    [InlineData("Sqlite", ParIndexProvider.Sqlite)]
    [InlineData("SQLITE", ParIndexProvider.Sqlite)]
    [InlineData("Postgres", ParIndexProvider.Postgres)]
    [InlineData("postgres", ParIndexProvider.Postgres)]
    [InlineData("PostgreSQL", ParIndexProvider.Postgres)]
    [InlineData("postgresql", ParIndexProvider.Postgres)]
    public void Provider_names_are_parsed_case_insensitively(string? name, ParIndexProvider expected) =>
        Assert.Equal(expected, ParIndexDatabase.ParseProvider(name));

    [Fact]
    public void An_unknown_provider_is_a_clear_error()
    {
        Assert.False(ParIndexDatabase.TryParseProvider("Oracle", out _));
        var e = Assert.Throws<ArgumentException>(() => ParIndexDatabase.ParseProvider("Oracle"));
        Assert.Contains("'Oracle' không được hỗ trợ (chọn Sqlite hoặc Postgres)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParIndexDatabase.Describe("MySql", "Data Source=x.db"));
    }

    [Fact]
    public void The_default_is_the_sqlite_file_data_parindex_db_under_the_current_directory()
    {
        var expected = $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "parindex.db")}";
        Assert.Equal(expected, ParIndexDatabase.DefaultConnectionString());

        var database = ParIndexDatabase.Describe(null, null);
        Assert.Equal(ParIndexProvider.Sqlite, database.Provider);
        Assert.Equal(expected, database.ConnectionString);
        Assert.True(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "data")));
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ParIndexDatabase.Describe("Postgres", " "));
        Assert.Contains("ConnectionStrings:ParIndex", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=unused.db", "Data Source=unused.db", "Microsoft.EntityFrameworkCore.Sqlite", typeof(SqliteSurveyAnswerSinkFactory))]
    // PostgreSQL gets ParIndex's default for a setting the string does not name (ADR 0134).
    [InlineData("PostgreSQL", PostgresConnection, PostgresConnection + ";Max Auto Prepare=64", "Npgsql.EntityFrameworkCore.PostgreSQL", typeof(PostgresSurveyAnswerSinkFactory))]
    public void Each_provider_gives_a_context_and_sink_of_that_provider(string provider, string connection, string expectedConnection, string providerName, Type sink)
    {
        var database = ParIndexDatabase.Describe(provider, connection);
        using var db = new ParIndexDbContext(database.Options());
        Assert.Equal(providerName, db.Database.ProviderName);
        Assert.Equal(expectedConnection, db.Database.GetConnectionString());
        Assert.IsType(sink, database.SinkFactory());
    }

    [Fact]
    public void The_service_registration_reads_Database_Provider_and_ConnectionStrings_ParIndex()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:ParIndex"] = PostgresConnection,
        }).Build();
        using var services = new ServiceCollection().AddParIndexDatabase(configuration).BuildServiceProvider();
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.IsType<PostgresSurveyAnswerSinkFactory>(scope.ServiceProvider.GetRequiredService<ISurveyAnswerSinkFactory>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<SurveyCampaignImporter>());
    }
}
