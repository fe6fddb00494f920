using System.CommandLine;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Cli.Frameworks;

/// <summary>
/// <c>parindex framework from-table TABLE -o FILE [--name] [--year] [--unit-type] [--id] [--force]</c>:
/// the draft framework of an official table (text or xlsx). Exit codes: 0 written and valid,
/// 1 written but the draft has problems (e.g. the table's own sums are wrong), 2 table unreadable,
/// bad option or the output exists without --force.
/// </summary>
internal static class FrameworkFromTableCommand
{
    /// <summary>Bound of the free-text options.</summary>
    public const int MaxOptionLength = 300;

    public static Command Create()
    {
        var table = new Argument<string>("TABLE") { Description = "Biểu tự đánh giá: văn bản (chuyển từ PDF) hoặc bảng tính .xlsx" };
        var output = new Option<string>("--output", "-o") { Description = "Tệp bộ tiêu chí sẽ ghi (bắt buộc)", Required = true };
        var name = new Option<string?>("--name") { Description = "Tên bộ tiêu chí (mặc định: theo loại đơn vị và năm)" };
        var year = new Option<int?>("--year") { Description = "Năm (mặc định: năm ghi ở tiêu đề biểu)" };
        var unitType = new Option<string>("--unit-type")
        {
            Description = "Loại đơn vị được đánh giá: province, ministry, department, commune…",
            DefaultValueFactory = _ => "province",
        };
        var id = new Option<string?>("--id") { Description = "Mã định danh (mặc định: {loại đơn vị}-{năm}-draft)" };
        var force = new Option<bool>("--force") { Description = "Ghi đè tệp đã có" };
        var command = new Command("from-table", "Tạo bản nháp bộ tiêu chí từ một biểu: mã, tên, điểm chuẩn; chấm thủ công ở mọi tiêu chí lá, "
            + "điều tra XHH ở tiêu chí biểu ghi là điều tra. Mã thoát: 0 hợp lệ, 1 đã ghi nhưng có lỗi, 2 không đọc được.")
        {
            table, output, name, year, unitType, id, force,
        };
        command.SetAction(parse => Run(
            new Request(parse.GetRequiredValue(table), parse.GetRequiredValue(output), parse.GetValue(name), parse.GetValue(year),
                parse.GetRequiredValue(unitType), parse.GetValue(id), parse.GetValue(force)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal sealed record Request(string Table, string Output, string? Name, int? Year, string UnitType, string? Id, bool Force);

    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        foreach (var (option, value) in new[] { ("--name", request.Name), ("--unit-type", request.UnitType), ("--id", request.Id) })
        {
            if (value is { Length: > MaxOptionLength })
            {
                stderr.WriteLine($"Lỗi: {option} dài quá {MaxOptionLength} ký tự.");
                return FrameworkCommands.Unreadable;
            }
        }

        if (string.IsNullOrWhiteSpace(request.UnitType))
        {
            stderr.WriteLine("Lỗi: --unit-type để trống.");
            return FrameworkCommands.Unreadable;
        }

        if (File.Exists(request.Output) && !request.Force)
        {
            stderr.WriteLine($"Lỗi: tệp {request.Output} đã có; thêm --force để ghi đè.");
            return FrameworkCommands.Unreadable;
        }

        OfficialTable table;
        try
        {
            table = OfficialTableFileReader.Read(request.Table);
        }
        catch (OfficialTableFormatException ex)
        {
            stderr.WriteLine($"Lỗi: không đọc được biểu '{request.Table}'. {ex.Message}");
            return FrameworkCommands.Unreadable;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"Lỗi: không tìm thấy tệp '{request.Table}'.");
            return FrameworkCommands.Unreadable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không mở được tệp '{request.Table}': {ex.Message}");
            return FrameworkCommands.Unreadable;
        }

        if (request.Year is null && FrameworkDraft.YearOf(table) is null)
        {
            stderr.WriteLine($"Lỗi: tiêu đề biểu '{request.Table}' không ghi năm; thêm --year.");
            return FrameworkCommands.Unreadable;
        }

        var framework = FrameworkDraft.FromTable(table, request.UnitType, request.Year, request.Name, request.Id);
        if (!FrameworkInputs.WriteFile(request.Output, request.Force, stream => FrameworkFile.Write(framework, stream), stderr))
        {
            return FrameworkCommands.Unreadable;
        }

        stdout.WriteLine(
            $"Đã ghi bản nháp {framework.Id} ({framework.Year}) vào {request.Output}: {framework.AllNodes().Count()} nút, {framework.Leaves().Count()} tiêu chí lá, " +
            $"tổng điểm {VietnameseNumbers.FormatPoints(framework.TotalMax)}, điều tra XHH {VietnameseNumbers.FormatPoints(framework.SurveyMax)}.");
        var problems = FrameworkValidator.Validate(framework);
        foreach (var problem in problems)
        {
            stdout.WriteLine(problem.ToString());
        }

        if (problems.Count > 0)
        {
            stdout.WriteLine($"Bản nháp có {problems.Count} lỗi cần sửa trước khi dùng.");
            return FrameworkCommands.HasProblems;
        }

        return FrameworkCommands.Valid;
    }
}
