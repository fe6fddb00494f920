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
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                $"Cơ sở dữ liệu chưa được cập nhật cấu trúc và Database:MigrateAtStartup là false: hãy chạy bước cập nhật trước (dotnet ParIndex.Web.dll {MigrateOnlySwitch}).");
        }

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        // The first key of the shared ring is made here, under the lock: instances starting together
        // would otherwise each make their own and refuse each other's cookies until they reload it.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ParIndex.Startup").Protect([1]);
        return migrateOnly;
    }
}
