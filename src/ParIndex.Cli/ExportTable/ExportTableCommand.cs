using System.CommandLine;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Cli.ExportTable;

/// <summary>
/// <c>parindex export-table IN --format xlsx|docx|pdf -o OUT</c>: reads an official table (text
/// converted from PDF, or .xlsx) and writes it in the official layout. The figures are written as
/// the document states them; a table whose sums do not add up is still written, with a warning.
/// Exit codes: 0 written, 1 the output could not be written, 2 the input or the options are unusable.
/// </summary>
public static class ExportTableCommand
{
    public const int Written = 0;
    public const int CannotWrite = 1;
    public const int BadInput = 2;

    public static Command Create()
    {
        var input = new Argument<string>("IN")
        {
            Description = "Biểu tự đánh giá: tệp văn bản (chuyển từ PDF) hoặc bảng tính .xlsx",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Định dạng tệp ra: xlsx, docx hoặc pdf (mặc định: theo đuôi tệp ra)",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Tệp ra",
            Required = true,
        };
        var command = new Command("export-table", "Xuất biểu tự đánh giá theo mẫu chính thức ra xlsx, docx hoặc pdf");
        command.Add(input);
        command.Add(format);
        command.Add(output);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input) ?? "",
            parseResult.GetValue(format),
            parseResult.GetValue(output) ?? "",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string inputPath, string? formatName, string outputPath, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var formatText = formatName ?? Path.GetExtension(outputPath);
        if (!OfficialTableWriter.TryParseFormat(formatText, out var format))
        {
            stderr.WriteLine($"Lỗi: không rõ định dạng tệp ra '{formatText}'; hãy ghi --format xlsx, docx hoặc pdf (unknown output format).");
            return BadInput;
        }

        OfficialTable table;
        try
        {
            table = OfficialTableFileReader.Read(inputPath);
        }
        catch (OfficialTableFormatException ex)
        {
            stderr.WriteLine($"Lỗi: không đọc được biểu '{inputPath}'. {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"Lỗi: không tìm thấy tệp '{inputPath}' (file not found).");
            return BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"Lỗi: không mở được tệp '{inputPath}': {ex.Message}");
            return BadInput;
        }

        var mismatches = OfficialTableVerifier.Verify(table);
        if (mismatches.Count > 0)
        {
            stderr.WriteLine($"Cảnh báo: biểu có {mismatches.Count} sai lệch số học (điểm tổng hợp không khớp tổng các hàng con); "
                + "biểu vẫn được xuất đúng như số liệu đã ghi. Xem chi tiết: parindex check-table " + inputPath);
        }

        var document = AssessmentTableDocumentFactory.FromOfficialTable(table);
        var fullOutput = Path.GetFullPath(outputPath);
        var temporary = Path.Combine(Path.GetDirectoryName(fullOutput) ?? ".", $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Written beside the target, then moved over it: a failed export leaves no half-written file.
            using (var stream = File.Create(temporary))
            {
                OfficialTableWriter.Write(document, format, stream);
            }

            File.Move(temporary, fullOutput, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            TryDelete(temporary);
            stderr.WriteLine($"Lỗi: không ghi được tệp '{outputPath}': {ex.Message}");
            return CannotWrite;
        }

        stdout.WriteLine($"Đã ghi {outputPath} ({format.ToString().ToLowerInvariant()}, {document.Rows.Count} hàng, tổng điểm "
            + $"{ParIndex.Core.Numbers.VietnameseNumbers.FormatPoints(document.Total.SelfScore ?? 0m)}/{ParIndex.Core.Numbers.VietnameseNumbers.FormatPoints(document.Total.Max)}).");
        return Written;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Nothing more to do: the message about the failed write is what matters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
