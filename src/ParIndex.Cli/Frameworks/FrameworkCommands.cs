using System.CommandLine;
using ParIndex.Cli.Database;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Cli.Frameworks;

/// <summary>
/// <c>parindex framework validate FILE|STORED</c>, <c>parindex framework export-builtin [--id ID] [-o FILE]</c>,
/// and <c>diff</c>, <c>from-table</c>, <c>crosswalk</c>, the library's <c>list|import|export|activate|retire|clone</c> (their own classes).
/// Exit codes of validate: 0 valid, 1 problems found, 2 file unreadable.
/// </summary>
public static class FrameworkCommands
{
    public const int Valid = 0;
    public const int HasProblems = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var command = new Command("framework", "Bộ tiêu chí: kiểm tra tệp, xuất bộ dựng sẵn, so sánh, tạo bản nháp từ biểu, gợi ý bảng chuyển mã; thư viện: liệt kê, nhập, xuất, kích hoạt, ngừng áp dụng, sao chép");
        command.Subcommands.Add(CreateValidate());
        command.Subcommands.Add(CreateExportBuiltIn());
        command.Subcommands.Add(FrameworkDiffCommand.Create());
        command.Subcommands.Add(FrameworkFromTableCommand.Create());
        command.Subcommands.Add(FrameworkCrosswalkCommand.Create());
        foreach (var library in FrameworkLibraryCommands.Create())
        {
            command.Subcommands.Add(library);
        }
        return command;
    }

    private static Command CreateValidate()
    {
        var file = new Argument<string>("FILE") { Description = "Tệp bộ tiêu chí (JSON, định dạng " + FrameworkFile.FormatName + "), hoặc một bộ đã lưu (mã số, MÃ/PHIÊN-BẢN) khi có --connection" };
        var database = new DatabaseOptions();
        var command = new Command("validate", "Kiểm tra một tệp bộ tiêu chí (hoặc một bộ đã lưu trong thư viện): mã, phân cấp, tổng điểm, phương thức chấm điểm, công thức") { file };
        database.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            // A file wins; a name that is no file is a stored framework when a database is given.
            return !File.Exists(path) && database.ConnectionString(parse) is { Length: > 0 }
                ? await FrameworkLibraryCommands.ValidateStoredAsync(parse, database, path, ct)
                : Validate(new FileInfo(path), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private static Command CreateExportBuiltIn()
    {
        var id = new Option<string>("--id")
        {
            Description = "Mã bộ tiêu chí dựng sẵn",
            DefaultValueFactory = _ => BuiltInFrameworks.Province2023Id,
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Ghi ra tệp này thay vì ra màn hình" };
        var command = new Command("export-builtin", "Xuất tệp của một bộ tiêu chí dựng sẵn") { id, output };
        command.SetAction(parse => ExportBuiltIn(
            parse.GetRequiredValue(id),
            parse.GetValue(output),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Validate(FileInfo file, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"Không tìm thấy tệp {file.FullName}.");
            return Unreadable;
        }

        Framework framework;
        try
        {
            using var stream = file.OpenRead();
            framework = FrameworkFile.Read(stream);
        }
        catch (FrameworkFormatException ex)
        {
            stderr.WriteLine($"{file.Name}: {ex.Message}");
            return Unreadable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Không mở được tệp {file.FullName}: {ex.Message}");
            return Unreadable;
        }

        var problems = FrameworkValidator.Validate(framework);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stdout.WriteLine(problem.ToString());
            }

            stdout.WriteLine($"Không hợp lệ: {problems.Count} lỗi.");
            return HasProblems;
        }

        stdout.WriteLine(
            $"Hợp lệ: {framework.AllNodes().Count()} nút, {framework.Leaves().Count()} tiêu chí lá, " +
            $"tổng điểm {VietnameseNumbers.FormatPoints(framework.TotalMax)}, điều tra XHH {VietnameseNumbers.FormatPoints(framework.SurveyMax)}");
        return Valid;
    }

    internal static int ExportBuiltIn(string id, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        using var source = BuiltInFrameworks.OpenFile(id);
        if (source is null)
        {
            stderr.WriteLine($"Không có bộ tiêu chí dựng sẵn \"{id}\". Các bộ có sẵn: {string.Join(", ", BuiltInFrameworks.Ids)}.");
            return 1;
        }

        if (output is null)
        {
            using var reader = new StreamReader(source);
            stdout.Write(reader.ReadToEnd());
            return 0;
        }

        try
        {
            using var target = output.Create();
            source.CopyTo(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Không ghi được tệp {output.FullName}: {ex.Message}");
            return 1;
        }

        stderr.WriteLine($"Đã ghi {id} vào {output.FullName}");
        return 0;
    }
}
