using System.CommandLine;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Cli.CheckTable;

/// <summary>
/// <c>parindex check-table FILE [--json]</c>: reads an official self-assessment table (a PDF, an
/// xlsx workbook, or PDF converted to text) and checks its arithmetic and that every score lies
/// between 0 and its maximum. Exit codes: 0 consistent, 1 mismatches, 2 unreadable (every problem
/// found is listed; with <c>--json</c> as <c>{"error": {…, "problems": […]}}</c> on stdout).
/// </summary>
public static class CheckTableCommand
{
    public const int Consistent = 0;
    public const int HasMismatches = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        // A missing FILE is checked here rather than by the parser, whose exit code 1 would read
        // as "mismatches": it exits 2 like an unreadable file.
        var file = new Argument<string>("FILE")
        {
            Description = "Biểu tự đánh giá: tệp PDF, bảng tính .xlsx, hoặc văn bản chuyển từ PDF (ô phân cách bằng tab) (bắt buộc)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json")
        {
            Description = "In kết quả dạng một đối tượng JSON",
        };
        var command = new Command("check-table", "Đọc biểu tự đánh giá và kiểm tra số học của biểu (điểm, điểm chuẩn, tổng điểm, điểm vượt điểm chuẩn hoặc âm). "
            + "Mã thoát: 0 khớp, 1 có sai lệch, 2 không đọc được.");
        command.Add(file);
        command.Add(json);
        command.SetAction(parseResult =>
        {
            var stderr = parseResult.InvocationConfiguration.Error;
            if (string.IsNullOrWhiteSpace(parseResult.GetValue(file)))
            {
                stderr.WriteLine("Lỗi: thiếu tên tệp. Cách dùng: parindex check-table FILE [--json]");
                return Unreadable;
            }

            return Run(parseResult.GetValue(file)!, parseResult.GetValue(json), parseResult.InvocationConfiguration.Output, stderr);
        });
        return command;
    }

    /// <summary>Runs the check on one file; the writers are the command's stdout and stderr.</summary>
    public static int Run(string path, bool json, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        OfficialTable table;
        try
        {
            using var stream = File.OpenRead(path);
            table = ParIndex.Documents.OfficialTables.OfficialTableFileReader.Read(stream); // text, xlsx or PDF, told apart by content
        }
        catch (OfficialTableFormatException ex)
        {
            // People read stderr; with --json a program reads the same problems on stdout.
            if (json)
            {
                CheckTableJsonWriter.WriteError(ex.Problems, stdout);
            }

            stderr.WriteLine($"Lỗi: không đọc được biểu '{path}'. {ex.Problems[0].Message}");
            foreach (var problem in ex.Problems.Skip(1))
            {
                stderr.WriteLine($"  {problem.Message}");
            }

            return Unreadable;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(json, $"không tìm thấy tệp '{path}' (file not found).", stdout, stderr);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(json, $"không mở được tệp '{path}': {ex.Message}", stdout, stderr);
        }

        var mismatches = OfficialTableVerifier.Verify(table);
        if (json)
        {
            CheckTableJsonWriter.Write(table, mismatches, stdout);
        }
        else
        {
            CheckTableTextWriter.Write(table, mismatches, path, stdout);
        }

        return mismatches.Count == 0 ? Consistent : HasMismatches;
    }

    /// <summary>A file that cannot be opened at all: one error, with no line.</summary>
    private static int Fail(bool json, string message, TextWriter stdout, TextWriter stderr)
    {
        if (json)
        {
            CheckTableJsonWriter.WriteError([new OfficialTableProblem(0, null, message)], stdout);
        }

        stderr.WriteLine($"Lỗi: {message}");
        return Unreadable;
    }
}
