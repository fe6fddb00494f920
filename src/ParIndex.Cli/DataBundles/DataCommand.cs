using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ParIndex.Data;
using ParIndex.Data.Bundles;
using ParIndex.Data.Evidence;
using ParIndex.Data.Postgres;

namespace ParIndex.Cli.DataBundles;

/// <summary>
/// <c>parindex data export|import</c>: a whole installation or one campaign as a versioned bundle
/// (docs/adr/0114-data-bundles.md). Exit codes: 0 done; 1 the database refused (not empty, no such
/// campaign, a row that does not fit); 2 an unreadable or untrustworthy bundle, or a bad command line.
/// </summary>
internal static class DataCommand
{
    public static Command Create() => new("data", "Xuất / nhập toàn bộ dữ liệu hoặc một kỳ đánh giá (gói dữ liệu có phiên bản)")
    {
        Export(),
        Import(),
    };

    private sealed class StoreOptions
    {
        public Database.DatabaseOptions Database { get; } = new();

        public Option<EvidenceStoreKind?> Evidence { get; } = new("--evidence-store") { Description = "Kho tài liệu kiểm chứng: Local, Database hoặc S3 (mặc định: biến môi trường Evidence__Store, rồi Local)" };

        public Option<string?> EvidencePath { get; } = new("--evidence-path") { Description = "Thư mục của kho Local (mặc định: Evidence__StoragePath, rồi ./data/evidence)" };

        public void AddTo(Command command)
        {
            Database.AddTo(command);
            command.Options.Add(Evidence);
            command.Options.Add(EvidencePath);
        }

        /// <summary>The evidence store's settings as the web app reads them (section <c>Evidence</c>), overridden by the options.</summary>
        public EvidenceStoreOptions EvidenceOptions(ParseResult parse)
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var options = configuration.GetSection("Evidence").Get<EvidenceStoreOptions>() ?? new EvidenceStoreOptions();
            if (parse.GetValue(Evidence) is { } kind)
            {
                options.Store = kind;
            }

            if (parse.GetValue(EvidencePath) is { Length: > 0 } path)
            {
                options.StoragePath = path;
            }

            return options;
        }
    }

    private static Command Export()
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "Tệp gói dữ liệu (.zip) sẽ ghi", Required = true };
        var campaign = new Option<int?>("--campaign") { Description = "Chỉ xuất một kỳ đánh giá (mã số Id): khung chỉ số, đơn vị, đánh giá, khảo sát, kết quả; không có tài khoản" };
        var command = new Command("export", "Xuất toàn bộ dữ liệu (kể cả tài khoản và mật khẩu đã băm: tệp là bí mật) hoặc một kỳ đánh giá ra một gói .zip") { output, campaign };
        SetAction(command, new StoreOptions(), async (parse, store, db, stdout, cancellationToken) =>
        {
            var target = parse.GetValue(output)!;
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new BundleException(BundleException.Refused, "Cơ sở dữ liệu nguồn chưa được cập nhật cấu trúc: chạy 'parindex db migrate' trước.");
            }

            using var stores = EvidenceStores.Create(db, store.EvidenceOptions(parse));
            // Written beside the target and moved at the end: a failed export leaves no half file.
            var temporary = target.FullName + ".partial";
            BundleSummary summary;
            try
            {
                await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    summary = await new BundleWriter(db, stores.Store, TimeProvider.System).WriteAsync(file, parse.GetValue(campaign), cancellationToken);
                }

                File.Move(temporary, target.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            stdout.WriteLine($"Đã xuất {Describe(summary)} vào {target.FullName}.");
            if (summary.Scope == BundleScope.Installation)
            {
                stdout.WriteLine("Lưu ý: gói có tài khoản và mật khẩu đã băm — hãy giữ tệp như một bí mật.");
            }
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp gói dữ liệu (.zip) do 'parindex data export' tạo" };
        var command = new Command("import", "Nhập một gói dữ liệu vào cơ sở dữ liệu trống (áp dụng migration trước; tất cả hoặc không gì)") { file };
        SetAction(command, new StoreOptions(), async (parse, store, db, stdout, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new BundleException(BundleException.Unreadable, $"không tìm thấy tệp '{path.FullName}' (file not found).");
            }

            await using var bundle = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            // Checked before the database is touched, so a bad file changes nothing, not even the schema.
            var manifest = await BundleReader.VerifyAsync(bundle, cancellationToken);
            bundle.Position = 0;
            await using (var startupLock = await PostgresStartupLock.TakeAsync(db, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            using var stores = EvidenceStores.Create(db, store.EvidenceOptions(parse));
            var summary = await new BundleReader(db, stores.Store).ImportAsync(bundle, manifest, cancellationToken);
            stdout.WriteLine($"Đã nhập {Describe(summary)} từ {path.FullName}.");
        });
        return command;
    }

    /// <summary>Adds the database and evidence options and runs <paramref name="run"/> on an opened context, mapping failures to exit codes.</summary>
    private static void SetAction(Command command, StoreOptions store,
        Func<ParseResult, StoreOptions, ParIndexDbContext, TextWriter, CancellationToken, Task> run)
    {
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (store.Database.Resolve(parse, stderr) is not { } database)
            {
                return CliApp.UnreadableExitCode;
            }

            return await RunAsync(stderr, async () =>
            {
                await using var db = new ParIndexDbContext(database.Options());
                await run(parse, store, db, parse.InvocationConfiguration.Output, cancellationToken);
            });
        });
    }

    private static string Describe(BundleSummary summary) =>
        $"{(summary.Scope == BundleScope.Installation ? "toàn bộ dữ liệu" : "một kỳ đánh giá")}: {summary.Tables.Sum(t => t.Rows)} dòng trong {summary.Tables.Count} bảng, {summary.EvidenceContents} nội dung tài liệu kiểm chứng";

    private static async Task<int> RunAsync(TextWriter stderr, Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (BundleException e)
        {
            stderr.WriteLine($"Lỗi: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException or Amazon.S3.AmazonS3Exception)
        {
            stderr.WriteLine($"Lỗi: {e.Message}");
            return 1;
        }
    }
}
