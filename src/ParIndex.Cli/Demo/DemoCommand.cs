using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Demo;
using ParIndex.Application.Problems;
using ParIndex.Cli.Database;
using ParIndex.Data;
using ParIndex.Data.Postgres;

namespace ParIndex.Cli.Demo;

/// <summary>
/// <c>parindex demo national --units N [--years Y]</c>: migrates an empty database and fills it with
/// a labelled national-size sample through the application's bulk path (ADR 0132); prints the id of
/// the newest published campaign on the last line. Exit 0 done; 1 the database is not empty or the
/// numbers are out of range; 2 a bad command line or a database that cannot be used. All or nothing.
/// </summary>
internal static class DemoCommand
{
    public static Command Create() => new("demo", "Dữ liệu mẫu") { National() };

    private static Command National()
    {
        var units = new Option<int>("--units") { Description = $"Số đơn vị (5–{NationalDemoGenerator.MaxUnits}), mọi loại: tỉnh, bộ, sở, huyện, xã", DefaultValueFactory = _ => 11_000 };
        var years = new Option<int>("--years") { Description = $"Số kỳ đã công bố (1–{NationalDemoGenerator.MaxYears}), thêm một kỳ đang tự đánh giá", DefaultValueFactory = _ => 1 };
        var database = new DatabaseOptions();
        var command = new Command("national", "Tạo dữ liệu mẫu toàn quốc trên cơ sở dữ liệu trống (cập nhật cấu trúc, đơn vị, kỳ đánh giá đã công bố)") { units, years };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            var clock = Stopwatch.StartNew();
            try
            {
                await using (var db = new ParIndexDbContext(resolved.Options()))
                {
                    await using var startupLock = await PostgresStartupLock.TakeAsync(db, cancellationToken);
                    await db.Database.MigrateAsync(cancellationToken);
                }

                stdout.WriteLine("Đã cập nhật cấu trúc cơ sở dữ liệu.");
                await using var services = DatabaseOptions.Services(resolved);
                await using var scope = services.CreateAsyncScope();
                var generator = scope.ServiceProvider.GetRequiredService<NationalDemoGenerator>();
                var result = await generator.GenerateAsync(parse.GetValue(units), parse.GetValue(years),
                    line => stdout.WriteLine($"[{clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s] {line}"), cancellationToken);
                stdout.WriteLine($"Xong trong {clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s: {result.Units} đơn vị, {result.LeafEntries} dòng điểm; kỳ đang tự đánh giá: {result.OpenCampaignId}; tài khoản {NationalDemoGenerator.EditorUserName}, {NationalDemoGenerator.CoordinatorUserName} (mật khẩu mẫu).");
                stdout.WriteLine($"Kỳ đã công bố: {result.PublishedCampaignId}");
                return 0;
            }
            catch (DomainException e)
            {
                UseCaseRunner.Report(e, stderr);
                return 1;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                stderr.WriteLine($"Lỗi: không tạo được dữ liệu mẫu: {e.Message}");
                return CliApp.UnreadableExitCode;
            }
        });
        return command;
    }
}
