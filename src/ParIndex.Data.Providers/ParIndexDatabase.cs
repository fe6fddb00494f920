using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data.Bulk;
using ParIndex.Data.Postgres;
using ParIndex.Data.Postgres.Bulk;
using ParIndex.Data.Postgres.Surveys;
using ParIndex.Data.Sqlite;
using ParIndex.Data.Sqlite.Bulk;
using ParIndex.Data.Sqlite.Surveys;
using ParIndex.Data.Surveys;

namespace ParIndex.Data.Providers;

/// <summary>The database engines ParIndex runs on.</summary>
public enum ParIndexProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The one place that turns a provider name and a connection string into the context's options and
/// the survey answer sink, for the web app, the CLI and the benchmarks. Provider names: <c>Sqlite</c>
/// (the default when none is given), <c>Postgres</c> or <c>PostgreSQL</c>, case-insensitive. The one
/// default database: SQLite, the file <c>data/parindex.db</c> under the current directory.
/// </summary>
public sealed record ParIndexDatabase(ParIndexProvider Provider, string ConnectionString)
{
    /// <summary>The configuration key of the provider name (variable <c>Database__Provider</c>).</summary>
    public const string ProviderKey = "Database:Provider";

    /// <summary>The connection string name (key <c>ConnectionStrings:ParIndex</c>, variable <c>ConnectionStrings__ParIndex</c>).</summary>
    public const string ConnectionStringName = "ParIndex";

    /// <summary>The provider of a name; null or empty is SQLite, anything unknown is an <see cref="ArgumentException"/>.</summary>
    public static ParIndexProvider ParseProvider(string? name) =>
        TryParseProvider(name, out var provider) ? provider : throw new ArgumentException(UnknownProviderMessage(name), nameof(name));

    /// <summary>The provider of a name (<c>Sqlite</c>, <c>Postgres</c>, <c>PostgreSQL</c>, any case; null or empty is SQLite).</summary>
    public static bool TryParseProvider(string? name, out ParIndexProvider provider)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Equals(SqliteDatabase.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            provider = ParIndexProvider.Sqlite;
            return true;
        }

        provider = ParIndexProvider.Postgres;
        return trimmed.Equals(PostgresDatabase.ProviderName, StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why a provider name is refused.</summary>
    public static string UnknownProviderMessage(string? name) =>
        $"nhà cung cấp cơ sở dữ liệu '{name}' không được hỗ trợ (chọn Sqlite hoặc Postgres).";

    /// <summary>The default connection string: the SQLite file <c>data/parindex.db</c> under the current directory.</summary>
    public static string DefaultConnectionString() =>
        $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "parindex.db")}";

    /// <summary>
    /// The database of a provider name and a connection string. With SQLite and no connection string,
    /// the default file (its folder is created); PostgreSQL needs a connection string.
    /// </summary>
    public static ParIndexDatabase Describe(string? provider, string? connectionString)
    {
        var parsed = ParseProvider(provider);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new ParIndexDatabase(parsed, connectionString);
        }

        if (parsed == ParIndexProvider.Postgres)
        {
            throw new InvalidOperationException("Cơ sở dữ liệu là Postgres nhưng thiếu chuỗi kết nối (ConnectionStrings:ParIndex).");
        }

        Directory.CreateDirectory(Path.Combine(Directory.GetCurrentDirectory(), "data"));
        return new ParIndexDatabase(parsed, DefaultConnectionString());
    }

    /// <summary>The database of a configuration: <c>Database:Provider</c> and <c>ConnectionStrings:ParIndex</c>.</summary>
    public static ParIndexDatabase Describe(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Describe(configuration[ProviderKey], configuration.GetConnectionString(ConnectionStringName));
    }

    /// <summary>Configures a builder for this database (provider and its migrations assembly).</summary>
    public TBuilder Configure<TBuilder>(TBuilder builder)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Provider == ParIndexProvider.Postgres
            ? builder.UseParIndexPostgres(ConnectionString)
            : builder.UseParIndexSqlite(ConnectionString);
    }

    /// <summary>The context options for callers without dependency injection (CLI, benchmarks).</summary>
    public DbContextOptions<ParIndexDbContext> Options() =>
        Configure(new DbContextOptionsBuilder<ParIndexDbContext>()).Options;

    /// <summary>The bulk writer of survey answers for this provider.</summary>
    public ISurveyAnswerSinkFactory SinkFactory() => Provider == ParIndexProvider.Postgres
        ? new PostgresSurveyAnswerSinkFactory()
        : new SqliteSurveyAnswerSinkFactory();

    /// <summary>The bulk row writer (COPY on PostgreSQL) for this provider (ADR 0132).</summary>
    public IBulkRowWriter BulkWriter() => Provider == ParIndexProvider.Postgres
        ? new PostgresBulkRowWriter()
        : new SqliteBulkRowWriter();
}

/// <summary>Registration of the database in a service collection.</summary>
public static class ParIndexDatabaseServices
{
    /// <summary>
    /// Registers <see cref="ParIndexDbContext"/>, the survey answer sink and the survey importer and
    /// scorer for the database of the configuration (see <see cref="ParIndexDatabase.Describe(IConfiguration)"/>).
    /// </summary>
    public static IServiceCollection AddParIndexDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = ParIndexDatabase.Describe(configuration);
        services.AddSingleton(database);
        // Pooled (ADR 0141): a context per scope, reset and reused, instead of the options, the
        // internal service lookup and the sets built again for each of the 3–4 scopes of a request
        // (issue 15). The context keeps no state of its own beyond what the pool resets.
        services.AddDbContextPool<ParIndexDbContext>(o => database.Configure(o));
        services.AddSingleton(database.SinkFactory());
        services.AddSingleton(database.BulkWriter());
        services.AddScoped<SurveyCampaignImporter>();
        services.AddScoped<SurveyCampaignScorer>();
        return services;
    }
}
