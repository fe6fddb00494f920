using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Providers;
using ParIndex.Data.Surveys;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// A throwaway database for one measurement: created and migrated as the application does
/// (<c>MigrateAsync</c> with the provider's migrations), seeded with one campaign of the shape's
/// units (100, or 11,000 at national size) over the built-in 2023 framework — each assessment with a
/// blank entry per leaf, as a self-assessment in progress — and the shape's questionnaire, through
/// the bulk row writer (ADR 0132), then dropped (the SQLite file deleted, the PostgreSQL database dropped).
/// </summary>
public sealed class SurveyBenchDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The environment variable with the PostgreSQL server to create throwaway databases on.</summary>
    public const string PostgresVariable = "PARINDEX_BENCH_POSTGRES";

    private static int counter;
    private readonly string? sqlitePath;
    private readonly string? adminConnection;
    private readonly string? databaseName;

    private SurveyBenchDatabase(string provider, string connectionString, string? sqlitePath, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.adminConnection = adminConnection;
        this.databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public int CampaignId { get; private set; }

    public int QuestionnaireId { get; private set; }

    public ISurveyAnswerSinkFactory Sinks => ParIndexDatabase.Describe(Provider, ConnectionString).SinkFactory();

    public static Task<SurveyBenchDatabase> CreateAsync(string provider, string directory) => CreateAsync(provider, directory, SurveyBenchmarkData.Default);

    public static async Task<SurveyBenchDatabase> CreateAsync(string provider, string directory, SurveyBenchShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var n = Interlocked.Increment(ref counter);
        var name = string.Create(CultureInfo.InvariantCulture, $"parindex_bench_{Environment.ProcessId}_{n}");
        SurveyBenchDatabase database;
        if (provider == Sqlite)
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name + ".db");
            database = new SurveyBenchDatabase(provider, new SqliteConnectionStringBuilder { DataSource = path }.ToString(), path, null, null);
        }
        else if (provider == Postgres)
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync().ConfigureAwait(false);
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            database = new SurveyBenchDatabase(provider, builder.ToString(), null, admin, name);
        }
        else
        {
            throw new ArgumentException($"Unknown provider {provider} (sqlite or postgres).", nameof(provider));
        }

        try
        {
            await database.MigrateAndSeedAsync(shape).ConfigureAwait(false);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return database;
    }

    /// <summary>A context on this database; long commands allowed (a million-respondent import runs for minutes).</summary>
    public ParIndexDbContext Context(params IInterceptor[] interceptors)
    {
        var options = ParIndexDatabase.Describe(Provider, ConnectionString).Configure(new DbContextOptionsBuilder<ParIndexDbContext>());
        options.AddInterceptors(interceptors);
        var db = new ParIndexDbContext(options.Options);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        return db;
    }

    /// <summary>The database's size on disk after a run (the SQLite file, or <c>pg_database_size</c>).</summary>
    public async Task<long> SizeBytesAsync()
    {
        if (sqlitePath is not null)
        {
            return new FileInfo(sqlitePath).Length;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-journal", sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(adminConnection);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private async Task MigrateAndSeedAsync(SurveyBenchShape shape)
    {
        await using var db = Context();
        await db.Database.MigrateAsync().ConfigureAwait(false);
        var framework = BuiltInFrameworks.Province2023;
        string json;
        using (var reader = new StreamReader(BuiltInFrameworks.OpenFile(framework.Id)!))
        {
            json = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var now = DateTime.UtcNow;
        var campaign = new Campaign
        {
            Name = "Benchmark",
            Year = framework.Year,
            CreatedAt = now,
            Framework = new FrameworkRecord
            {
                FrameworkId = framework.Id,
                Version = framework.Version,
                Year = framework.Year,
                Title = framework.Title,
                UnitKind = framework.UnitKind,
                Json = json,
                ImportedAt = now,
            },
        };
        var questionnaire = shape.Questionnaire;
        var record = new SurveyQuestionnaireRecord
        {
            Campaign = campaign,
            Code = questionnaire.Id,
            RespondentGroup = questionnaire.RespondentGroup,
            Title = questionnaire.Title,
            Json = QuestionnaireFile.ToJson(questionnaire),
            UpdatedAt = now,
        };
        db.SurveyQuestionnaires.Add(record);
        await db.SaveChangesAsync().ConfigureAwait(false);
        CampaignId = campaign.Id;
        QuestionnaireId = record.Id;

        // Units, assessments and leaf entries in bulk: 11,000 units × 101 leaves through EF would take minutes.
        var bulk = ParIndexDatabase.Describe(Provider, ConnectionString).BulkWriter();
        await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await bulk.WriteAsync(db, "Units", ["Code", "Name", "Kind"],
            shape.UnitCodes().Select((code, i) => new object?[] { code, $"Đơn vị {i + 1}", "province" }), default).ConfigureAwait(false);
        await bulk.WriteAsync(db, "Assessments", ["CampaignId", "UnitId", "Status", "Version"],
            (await db.Units.Select(u => u.Id).ToListAsync().ConfigureAwait(false)).Select(id => new object?[] { CampaignId, id, nameof(AssessmentStatus.Draft), 0 }), default).ConfigureAwait(false);
        var assessments = await db.Assessments.Where(a => a.CampaignId == CampaignId).Select(a => a.Id).ToListAsync().ConfigureAwait(false);
        var leaves = framework.Leaves().Select(l => l.Code).ToList();
        await bulk.WriteAsync(db, "LeafEntries", ["AssessmentId", "LeafCode", "NotApplicable", "Explanation", "Memo", "Version", "UpdatedAt"],
            assessments.SelectMany(a => leaves.Select(leaf => new object?[] { a, leaf, false, "", "", 0, now })), default).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Unit ids by code, as the campaign importer loads them.</summary>
    public async Task<Dictionary<string, int>> UnitIdsAsync(ParIndexDbContext db) =>
        await db.Assessments.AsNoTracking().Where(a => a.CampaignId == CampaignId)
            .Select(a => new { a.Unit!.Code, a.UnitId })
            .ToDictionaryAsync(a => a.Code, a => a.UnitId, StringComparer.Ordinal).ConfigureAwait(false);
}
