using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Postgres;

namespace ParIndex.Cli.Database;

/// <summary>
/// <c>parindex db migrate</c>: applies pending migrations as a deployment step (with
/// <c>Database:MigrateAtStartup=false</c> on the instances), under the same advisory lock as the
/// web app's startup on PostgreSQL. The seed and the first key are made by the first instance.
/// </summary>
public static class DbCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var migrate = new Command("migrate", "Cập nhật cấu trúc cơ sở dữ liệu (áp dụng các migration còn thiếu)");
        database.AddTo(migrate);
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            try
            {
                await using var db = new ParIndexDbContext(resolved.Options());
                await using var startupLock = await PostgresStartupLock.TakeAsync(db, cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                stdout.WriteLine(pending.Count == 0
                    ? "Cơ sở dữ liệu đã ở phiên bản mới nhất."
                    : $"Đã áp dụng {pending.Count} migration: {string.Join(", ", pending)}.");
                return 0;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                stderr.WriteLine($"Lỗi: không cập nhật được cơ sở dữ liệu: {e.Message}");
                return CliApp.UnreadableExitCode;
            }
        });
        return new Command("db", "Cơ sở dữ liệu") { migrate };
    }
}
