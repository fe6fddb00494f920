using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Postgres;

namespace ParIndex.Web.Hosting;

/// <summary>
/// Migrations, the seed and the first data-protection key, once per database (ADR 0111): on
/// PostgreSQL under an advisory lock, so that instances starting together wait for each other and
/// the later ones find everything done. SQLite is one process: no lock.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>The command-line switch that prepares the database and exits.</summary>
    public const string MigrateOnlySwitch = "--migrate-only";

    /// <summary>Prepares the database; returns true when the process was asked only to do that (<c>--migrate-only</c>).</summary>
    public static async Task<bool> PrepareParIndexDatabaseAsync(this WebApplication app, string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var migrateOnly = args.Contains(MigrateOnlySwitch, StringComparer.Ordinal);
        var migrate = migrateOnly || app.Configuration.GetValue("Database:MigrateAtStartup", true);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        await using var startupLock = await PostgresStartupLock.TakeAsync(db, cancellationToken);
        // Progress lines for the first start of a fresh clone (docs/benchmarks.md, newcomer start).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var log = app.Logger;
        void Progress(string what)
        {
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("Cơ sở dữ liệu / database: {What} ({Milliseconds} ms)", what, clock.ElapsedMilliseconds);
            }
        }

        if (migrate)
        {
            Progress("cập nhật cấu trúc / applying migrations");
            await db.Database.MigrateAsync(cancellationToken);
            Progress("cấu trúc đã cập nhật / migrations applied");
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                $"Cơ sở dữ liệu chưa được cập nhật cấu trúc và Database:MigrateAtStartup là false: hãy chạy bước cập nhật trước (dotnet ParIndex.Web.dll {MigrateOnlySwitch}).");
        }

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        Progress("sẵn sàng / ready");
        // The first key of the shared ring is made here, under the lock: instances starting together
        // would otherwise each make their own and refuse each other's cookies until they reload it.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ParIndex.Startup").Protect([1]);
        return migrateOnly;
    }
}
