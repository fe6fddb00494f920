using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Crosswalks;
using ParIndex.Cli.Campaigns;
using ParIndex.Cli.Database;
using ParIndex.Cli.Frameworks;
using ParIndex.Core.Frameworks;

namespace ParIndex.Cli.Crosswalks;

/// <summary>
/// <c>parindex crosswalk list|suggest|import|export</c>: the stored crosswalks between framework
/// versions (ADR 0124) on the use cases the web page calls. Exit 0 done; 1 the use case refused
/// (a pair already stored, unknown codes…); 2 a bad command line, an unreadable file or database.
/// </summary>
internal static class CrosswalkCommands
{
    public static Command Create() => new("crosswalk", "Bảng chuyển mã đã lưu giữa hai phiên bản bộ tiêu chí: liệt kê, tạo bảng gợi ý, nhập, xuất (như trang /crosswalks)")
    {
        List(),
        Suggest(),
        Import(),
        Export(),
    };

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "In JSON" };
        var database = new DatabaseOptions();
        var command = new Command("list", "Liệt kê các bảng chuyển mã: mã số, hai phiên bản, số dòng, số tiêu chí lá chưa có dòng") { json };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var list = await services.GetRequiredService<CrosswalkService>().ListAsync(cancellationToken);
                if (parse.GetValue(json))
                {
                    stdout.WriteLine(JsonSerializer.Serialize(list, UseCaseRunner.Json));
                    return 0;
                }

                foreach (var c in list)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Id}\t{c.From.FrameworkId}/{c.From.Version} → {c.To.FrameworkId}/{c.To.Version}\t{c.Entries} dòng\t{c.Warnings} lá chưa có dòng{(c.IsSample ? "\tdữ liệu mẫu" : "")}"));
                }

                stdout.WriteLine($"{list.Count} bảng chuyển mã.");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Suggest()
    {
        var from = new Option<string>("--from") { Description = "Phiên bản cũ: mã số bản ghi, MÃ/PHIÊN-BẢN hoặc MÃ", Required = true };
        var to = new Option<string>("--to") { Description = "Phiên bản mới: mã số bản ghi, MÃ/PHIÊN-BẢN hoặc MÃ", Required = true };
        var operatorName = CampaignCommands.OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("suggest", "Tạo và lưu bảng chuyển mã gợi ý giữa hai bộ tiêu chí đã lưu (theo mã và tên đã chuẩn hoá); in mã số bảng") { from, to, operatorName };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            var user = CampaignCommands.Operator(parse, operatorName);
            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var frameworks = await services.GetRequiredService<CampaignService>().FrameworksAsync(cancellationToken);
                if (FrameworkChoice.Resolve(parse.GetValue(from)!, frameworks, stderr, "--from") is not { } fromId
                    || FrameworkChoice.Resolve(parse.GetValue(to)!, frameworks, stderr, "--to") is not { } toId)
                {
                    return 1;
                }

                var created = await services.GetRequiredService<CrosswalkService>().SuggestAsync(new CrosswalkCreateRequest(fromId, toId), user, cancellationToken);
                stderr.WriteLine($"Đã lưu bảng chuyển mã gợi ý: {created.Entries.Count} dòng, {created.Entries.Count(e => e.Match is "title-without-diacritics" or "code-only" or "structure")} dòng khớp yếu cần kiểm tra lại.");
                stdout.WriteLine(created.Id.ToString(CultureInfo.InvariantCulture));
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp bảng chuyển mã (JSON, " + CrosswalkFile.FormatName + ")" };
        var replace = new Option<bool>("--replace") { Description = "Thay bảng đã có của cặp phiên bản này (lịch sử giữ bản cũ)" };
        var operatorName = CampaignCommands.OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("import", "Nhập tệp bảng chuyển mã; hai bộ tiêu chí trong tệp phải đã được lưu; in mã số bảng") { file, replace, operatorName };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            // The file is read and checked before the database is opened: an unreadable file is exit 2, not a refusal.
            if (ReadFile(path, stderr) is not { } bytes || database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            var user = CampaignCommands.Operator(parse, operatorName);
            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                using var stream = new MemoryStream(bytes, writable: false);
                var saved = await services.GetRequiredService<CrosswalkService>().ImportAsync(stream, parse.GetValue(replace), user, cancellationToken);
                stderr.WriteLine($"Đã nhập {path.Name}: bảng chuyển mã số {saved.Id}, {saved.Entries.Count} dòng, {saved.Warnings.Count} tiêu chí lá chưa có dòng.");
                stdout.WriteLine(saved.Id.ToString(CultureInfo.InvariantCulture));
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Export()
    {
        var id = new Argument<int>("ID") { Description = "Mã số bảng chuyển mã (xem crosswalk list)" };
        var output = new Option<string?>("--output", "-o") { Description = "Ghi ra tệp này thay vì ra màn hình" };
        var force = new Option<bool>("--force") { Description = "Ghi đè tệp đã có" };
        var database = new DatabaseOptions();
        var command = new Command("export", "Xuất một bảng chuyển mã đã lưu thành tệp " + CrosswalkFile.FormatName) { id, output, force };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var export = await services.GetRequiredService<CrosswalkService>().ExportAsync(parse.GetValue(id), cancellationToken);
                if (parse.GetValue(output) is not { } path)
                {
                    stdout.Write(export.Json);
                    return 0;
                }

                if (!FrameworkInputs.WriteFile(path, parse.GetValue(force), stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(export.Json)), stderr))
                {
                    return CliApp.UnreadableExitCode;
                }

                stderr.WriteLine($"Đã ghi bảng chuyển mã số {parse.GetValue(id)} vào {path}.");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static byte[]? ReadFile(FileInfo file, TextWriter stderr)
    {
        try
        {
            if (!file.Exists)
            {
                stderr.WriteLine($"Lỗi: không tìm thấy tệp {file.FullName}.");
                return null;
            }

            if (file.Length > CrosswalkFile.MaxBytes)
            {
                stderr.WriteLine($"Lỗi: {file.Name}: tệp bảng chuyển mã quá lớn (giới hạn {CrosswalkFile.MaxBytes / (1024 * 1024)} MB).");
                return null;
            }

            var bytes = File.ReadAllBytes(file.FullName);
            using var check = new MemoryStream(bytes, writable: false);
            _ = CrosswalkFile.Read(check);
            return bytes;
        }
        catch (FrameworkFormatException ex)
        {
            stderr.WriteLine($"Lỗi: {file.Name}: {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không đọc được tệp {file.FullName}: {ex.Message}");
            return null;
        }
    }
}
