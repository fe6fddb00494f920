using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Postgres;
using ParIndex.Data.Postgres.Surveys;
using ParIndex.Data.Sqlite;
using ParIndex.Data.Sqlite.Surveys;
using ParIndex.Data.Surveys;

namespace ParIndex.Web.Hosting;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> = <c>Sqlite</c> (default, a
/// file in <c>./data/</c>) or <c>Postgres</c>, with <c>ConnectionStrings:ParIndex</c>.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddParIndexDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        var connectionString = configuration.GetConnectionString("ParIndex");
        if (string.Equals(provider, PostgresDatabase.ProviderName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider là Postgres nhưng thiếu ConnectionStrings:ParIndex.");
            }

            services.AddDbContext<ParIndexDbContext>(o => o.UseParIndexPostgres(connectionString));
            services.AddSingleton<ISurveyAnswerSinkFactory, PostgresSurveyAnswerSinkFactory>();
        }
        else if (string.IsNullOrEmpty(provider) || string.Equals(provider, SqliteDatabase.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var folder = Path.Combine(Directory.GetCurrentDirectory(), "data");
                Directory.CreateDirectory(folder);
                connectionString = $"Data Source={Path.Combine(folder, "parindex.db")}";
            }

            services.AddDbContext<ParIndexDbContext>(o => o.UseParIndexSqlite(connectionString));
            services.AddSingleton<ISurveyAnswerSinkFactory, SqliteSurveyAnswerSinkFactory>();
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' không được hỗ trợ (chọn Sqlite hoặc Postgres).");
        }

        services.AddScoped<SurveyCampaignImporter>();
        services.AddScoped<SurveyCampaignScorer>();
        return services;
    }
}
