using DocumentFormat.OpenXml.Packaging;
using ParIndex.Cli;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Cli;

public sealed class ExportTableCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parindex-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void Exports_the_seed_text_in_each_format(string format)
    {
        var output = Path.Combine(_dir, "bieu." + format);

        var (code, stdout, stderr) = Run("export-table", Seed.Path, "--format", format, "-o", output);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("65,249/100", stdout);
        var bytes = File.ReadAllBytes(output);
        Assert.True(format == "pdf" ? bytes.AsSpan().StartsWith("%PDF"u8) : XlsxTableReader.LooksLikeXlsx(bytes));
        if (format == "pdf")
        {
            Assert.Contains("Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn", PdfText.Joined(bytes));
        }
    }

    [Fact]
    public void Exports_from_an_xlsx_table_and_infers_the_format_from_the_extension()
    {
        var xlsx = Path.Combine(_dir, "bieu.xlsx");
        var docx = Path.Combine(_dir, "bieu.docx");
        Assert.Equal(0, Run("export-table", Seed.Path, "-o", xlsx).Code);

        var (code, _, _) = Run("export-table", xlsx, "-o", docx);

        Assert.Equal(0, code);
        using var word = WordprocessingDocument.Open(docx, false);
        Assert.Contains("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", word.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public void Check_table_reads_the_xlsx_and_verifies_its_arithmetic()
    {
        var xlsx = Path.Combine(_dir, "bieu.xlsx");
        Assert.Equal(0, Run("export-table", Seed.Path, "-o", xlsx).Code);

        var (code, stdout, _) = Run("check-table", xlsx);

        Assert.Equal(0, code);
        Assert.Contains("Không có sai lệch", stdout);
    }

    [Fact]
    public void Check_table_reports_a_wrong_subtotal_in_an_xlsx()
    {
        // Field 3's stated points changed from 12,9829 to 13 in the seed before exporting.
        var text = File.ReadAllText(Seed.Path).Replace("<b>13</b>\t<b>12,9829</b>", "<b>13</b>\t<b>13</b>", StringComparison.Ordinal);
        var source = Path.Combine(_dir, "sai.txt");
        File.WriteAllText(source, text);
        var xlsx = Path.Combine(_dir, "sai.xlsx");
        var export = Run("export-table", source, "-o", xlsx);
        Assert.Equal(0, export.Code);
        Assert.Contains("1 sai lệch", export.Err);

        var (code, stdout, _) = Run("check-table", xlsx, "--json");

        Assert.Equal(1, code);
        Assert.Contains("\"3\"", stdout);
    }

    [Fact]
    public void An_unknown_format_or_an_unreadable_input_exits_2_and_writes_nothing()
    {
        var output = Path.Combine(_dir, "bieu.odt");
        var (code, _, stderr) = Run("export-table", Seed.Path, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("định dạng", stderr);

        var garbage = Path.Combine(_dir, "rac.xlsx");
        File.WriteAllBytes(garbage, "PK\u0003\u0004 hỏng"u8.ToArray());
        var pdf = Path.Combine(_dir, "bieu.pdf");
        (code, _, stderr) = Run("export-table", garbage, "-o", pdf);
        Assert.Equal(2, code);
        Assert.Contains("xlsx", stderr);
        Assert.Equal([garbage], Directory.GetFiles(_dir));
    }
}
