using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Cli.Campaigns;
using ParIndex.Cli.Database;
using ParIndex.Core.Frameworks;

namespace ParIndex.Cli.Frameworks;

/// <summary>
/// <c>parindex framework list|import|export|activate|retire|clone</c> and the stored form of
/// <c>validate</c>, on the library use case the web app calls (<see cref="FrameworkLibrary"/>), as
/// the operator. A stored framework is named by its record number, <c>ID/VERSION</c>, or an id with
/// one stored version. Exit 0 done (validate: no problem); 1 refused or problems found; 2 a bad
/// command line, an unreadable file or a database that cannot be used.
/// </summary>
internal static class FrameworkLibraryCommands
{
    public static IEnumerable<Command> Create() => [List(), Import(), Export(), Activate(), Retire(), Clone()];

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "In JSON như GET /api/frameworks" };
        var database = new DatabaseOptions();
        var command = new Command("list", "Liệt kê thư viện bộ tiêu chí: mã số, mã/phiên bản, năm, loại đơn vị, trạng thái, các kỳ đánh giá dùng") { json };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, database, null, async (library, user, stdout, _) =>
        {
            var list = await library.ListAsync(user, ct);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(list, UseCaseRunner.Json));
                return 0;
            }

            foreach (var f in list)
            {
                var campaigns = f.Campaigns.Count == 0 ? "chưa kỳ nào dùng" : string.Join(", ", f.Campaigns.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Id}\t{f.FrameworkId}/{f.Version}\t{f.Year}\t{f.UnitKind}\t{FrameworkLibrary.StateLabel(Enum.Parse<Data.Campaigns.FrameworkState>(f.State))}\t{f.Title}\t{campaigns}"));
            }

            stdout.WriteLine($"{list.Count} bộ tiêu chí.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp bộ tiêu chí (" + FrameworkFile.FormatName + ")" };
        var activate = new Option<bool>("--activate") { Description = "Kích hoạt ngay sau khi nhập" };
        var operatorName = CampaignCommands.OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("import", "Nhập tệp bộ tiêu chí vào thư viện thành bản nháp; tệp có vấn đề bị từ chối, liệt kê mọi vấn đề") { file, activate, operatorName };
        database.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            string json;
            try
            {
                if (path.Exists && path.Length > FrameworkFile.MaxBytes)
                {
                    stderr.WriteLine($"Lỗi: tệp {path.Name} quá lớn (giới hạn {FrameworkFile.MaxBytes / (1024 * 1024)} MB).");
                    return CliApp.UnreadableExitCode;
                }

                json = await File.ReadAllTextAsync(path.FullName, Encoding.UTF8, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"Lỗi: không đọc được tệp {path.Name}: {ex.Message}");
                return CliApp.UnreadableExitCode;
            }

            return await RunAsync(parse, database, operatorName, async (library, user, stdout, _) =>
            {
                var created = await library.ImportAsync(json, user, ct);
                if (parse.GetValue(activate))
                {
                    created = await library.ActivateAsync(created.Id, new FrameworkStateRequest(), user, ct);
                }

                stdout.WriteLine($"Đã nhập {created.FrameworkId}/{created.Version} (mã số {created.Id}, {FrameworkLibrary.StateLabel(Enum.Parse<Data.Campaigns.FrameworkState>(created.State)).ToLowerInvariant()}).");
                return 0;
            }, ct);
        });
        return command;
    }

    private static Command Export()
    {
        var reference = Reference();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Ghi ra tệp này thay vì ra màn hình (không ghi đè nếu thiếu --force)" };
        var force = new Option<bool>("--force") { Description = "Ghi đè tệp đã có" };
        var database = new DatabaseOptions();
        var command = new Command("export", "Xuất một bộ tiêu chí đã lưu ra tệp " + FrameworkFile.FormatName) { reference, output, force };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, database, null, async (library, user, stdout, stderr) =>
        {
            if (await ResolveAsync(library, user, parse.GetRequiredValue(reference), stderr, ct) is not { } id)
            {
                return 1;
            }

            var export = await library.ExportAsync(id, user, ct);
            if (parse.GetValue(output) is not { } target)
            {
                stdout.Write(export.Json);
                return 0;
            }

            if (target.Exists && !parse.GetValue(force))
            {
                stderr.WriteLine($"Lỗi: tệp {target.Name} đã có; thêm --force để ghi đè.");
                return CliApp.UnreadableExitCode;
            }

            // Written whole: a temporary file next to the target, then moved over it.
            var temporary = target.FullName + ".tmp";
            await File.WriteAllTextAsync(temporary, export.Json, new UTF8Encoding(false), ct);
            File.Move(temporary, target.FullName, overwrite: true);
            stdout.WriteLine($"Đã ghi {target.Name}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Activate() => StateCommand("activate", "Kích hoạt (đóng băng) một bản nháp; bị từ chối khi còn vấn đề",
        (library, id, user, ct) => library.ActivateAsync(id, new FrameworkStateRequest(), user, ct));

    private static Command Retire() => StateCommand("retire", "Ngừng áp dụng một bộ tiêu chí đang áp dụng (các kỳ đã dùng vẫn giữ)",
        (library, id, user, ct) => library.RetireAsync(id, new FrameworkStateRequest(), user, ct));

    private static Command StateCommand(string name, string description, Func<FrameworkLibrary, int, CurrentUser, CancellationToken, Task<FrameworkSummary>> change)
    {
        var reference = Reference();
        var operatorName = CampaignCommands.OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command(name, description) { reference, operatorName };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, database, operatorName, async (library, user, stdout, stderr) =>
        {
            if (await ResolveAsync(library, user, parse.GetRequiredValue(reference), stderr, ct) is not { } id)
            {
                return 1;
            }

            var changed = await change(library, id, user, ct);
            stdout.WriteLine($"{changed.FrameworkId}/{changed.Version} (mã số {changed.Id}): {FrameworkLibrary.StateLabel(Enum.Parse<Data.Campaigns.FrameworkState>(changed.State)).ToLowerInvariant()}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Clone()
    {
        var reference = Reference();
        var year = new Option<int?>("--year") { Description = "Năm của bản sao (ví dụ năm sau); mặc định cùng năm, phiên bản kế tiếp" };
        var id = new Option<string?>("--id") { Description = "Mã bộ tiêu chí của bản sao (mặc định: mã cũ, năm thay bằng năm mới)" };
        var version = new Option<string?>("--version") { Description = "Phiên bản của bản sao" };
        var title = new Option<string?>("--title") { Description = "Tên của bản sao" };
        var operatorName = CampaignCommands.OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("clone", "Sao chép một bộ tiêu chí thành bản nháp mới (--year NĂM: sang năm khác)") { reference, year, id, version, title, operatorName };
        database.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, database, operatorName, async (library, user, stdout, stderr) =>
        {
            if (await ResolveAsync(library, user, parse.GetRequiredValue(reference), stderr, ct) is not { } source)
            {
                return 1;
            }

            var created = await library.CloneAsync(source, new FrameworkCloneRequest(parse.GetValue(year), parse.GetValue(id), parse.GetValue(version), parse.GetValue(title)), user, ct);
            stdout.WriteLine($"Đã tạo bản nháp {created.FrameworkId}/{created.Version} năm {created.Year.ToString(CultureInfo.InvariantCulture)} (mã số {created.Id}).");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>
    /// <c>validate REF</c> against the database: every problem of a stored version, one a line,
    /// exit 1 when there is any. Called by <c>validate</c> when its argument is not a file.
    /// </summary>
    internal static Task<int> ValidateStoredAsync(ParseResult parse, DatabaseOptions database, string reference, CancellationToken ct) =>
        RunAsync(parse, database, null, async (library, user, stdout, stderr) =>
        {
            if (await ResolveAsync(library, user, reference, stderr, ct) is not { } id)
            {
                return 1;
            }

            var detail = await library.GetAsync(id, user, ct);
            foreach (var problem in detail.Problems)
            {
                stdout.WriteLine($"{problem.Code}: {problem.Message}");
            }

            stdout.WriteLine(detail.Problems.Count == 0
                ? $"Hợp lệ: {detail.Summary.FrameworkId}/{detail.Summary.Version}, {detail.Leaves} tiêu chí lá, tổng điểm {Core.Numbers.VietnameseNumbers.FormatPoints(detail.TotalMax)}, điều tra XHH {Core.Numbers.VietnameseNumbers.FormatPoints(detail.SurveyMax)}"
                : $"Không hợp lệ: {detail.Problems.Count} lỗi.");
            return detail.Problems.Count == 0 ? 0 : 1;
        }, ct);

    private static Argument<string> Reference() => new("FRAMEWORK") { Description = "Mã số bản ghi, MÃ/PHIÊN-BẢN, hoặc MÃ khi chỉ có một phiên bản (xem 'framework list')" };

    private static async Task<int?> ResolveAsync(FrameworkLibrary library, CurrentUser user, string text, TextWriter stderr, CancellationToken ct)
    {
        var all = await library.ListAsync(user, ct);
        return FrameworkChoice.Resolve(text, all.Select(f => new Application.Campaigns.FrameworkView(f.Id, f.FrameworkId, f.Version, f.Year, f.Title, f.UnitKind)).ToList(), stderr);
    }

    private static async Task<int> RunAsync(ParseResult parse, DatabaseOptions database, Option<string?>? operatorName,
        Func<FrameworkLibrary, CurrentUser, TextWriter, TextWriter, Task<int>> body, CancellationToken ct)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (database.Resolve(parse, stderr) is not { } resolved)
        {
            return CliApp.UnreadableExitCode;
        }

        var user = operatorName is null ? CurrentUser.Operator("cli:" + Environment.UserName) : CampaignCommands.Operator(parse, operatorName);
        return await UseCaseRunner.RunAsync(resolved, stderr, services => body(services.GetRequiredService<FrameworkLibrary>(), user, stdout, stderr), ct);
    }
}
