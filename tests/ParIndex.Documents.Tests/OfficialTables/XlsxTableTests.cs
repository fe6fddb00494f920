using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.OfficialTables;

public class XlsxTableTests
{
    private static byte[] Write(AssessmentTableDocument document)
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(document, stream);
        return stream.ToArray();
    }

    private static OfficialTable ReadBack(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return XlsxTableReader.Read(stream);
    }

    [Fact]
    public void Seed_text_to_xlsx_and_back_gives_the_same_table()
    {
        var seed = Seed.Table();
        var xlsx = Write(AssessmentTableDocumentFactory.FromOfficialTable(seed));
        File.WriteAllBytes(Artifacts.PathOf("bac-giang-2023-self-assessment.xlsx"), xlsx);

        var back = ReadBack(xlsx);

        Assert.Equal(seed.TitleLines, back.TitleLines);
        Assert.Equal(seed.StatedTotalMax, back.StatedTotalMax);
        Assert.Equal(seed.StatedTotalScore, back.StatedTotalScore);
        var expected = seed.AllRows().ToList();
        var actual = back.AllRows().ToList();
        Assert.Equal(expected.Select(r => r.Code), actual.Select(r => r.Code));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Title, a.Title);
            Assert.Equal(e.Max, a.Max);
            Assert.Equal(e.Score, a.Score);
            Assert.Equal(e.Explanation, a.Explanation);
            Assert.Equal(e.IsSurvey, a.IsSurvey);
            Assert.Equal(e.Children.Select(c => c.Code), a.Children.Select(c => c.Code));
        }

        Assert.Equal(OfficialTableVerifier.Verify(seed), OfficialTableVerifier.Verify(back));
    }

    [Fact]
    public void Exported_xlsx_passes_the_Open_XML_validator()
    {
        foreach (var document in new[] { AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()), Appraisal.AppraisalSamples.SeedAppraisal() })
        {
            using var stream = new MemoryStream(Write(document));
            using var spreadsheet = SpreadsheetDocument.Open(stream, false);

            Assert.Empty(OpenXmlChecks.Errors(spreadsheet));
        }
    }

    [Fact]
    public void Xlsx_is_landscape_A4_fitted_to_width_with_the_header_row_repeated()
    {
        using var stream = new MemoryStream(Write(AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table())));
        using var spreadsheet = SpreadsheetDocument.Open(stream, false);
        var workbook = spreadsheet.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet!;
        var setup = sheet.GetFirstChild<PageSetup>()!;
        var printTitles = workbook.Workbook!.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles");

        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(9u, setup.PaperSize!.Value); // A4
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal("'Biểu tự đánh giá'!$6:$6", printTitles.Text);
        var strings = workbook.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var headerCells = sheet.Descendants<Row>().Single(r => r.RowIndex! == 6).Elements<Cell>().Select(c => strings[int.Parse(c.CellValue!.Text)]);
        Assert.Equal(["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình"], headerCells);
    }

    [Fact]
    public void An_explanation_too_long_for_one_row_continues_below_and_reads_back_whole()
    {
        var table = HandMadeTables.SeedExcerpt();
        var xlsx = Write(AssessmentTableDocumentFactory.FromOfficialTable(table));

        using (var stream = new MemoryStream(xlsx))
        using (var spreadsheet = SpreadsheetDocument.Open(stream, false))
        {
            var merges = spreadsheet.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
            Assert.Contains(merges, m => m.StartsWith('A') && m.Split(':') is [var from, var to] && from[1..] != to[1..]);
        }

        var back = ReadBack(xlsx).AllRows().Single(r => r.Code == "1.5");
        Assert.Equal(HandMadeTables.LongExplanation, back.Explanation);
    }

    [Fact]
    public void A_unit_can_type_numbers_as_text_with_a_decimal_comma()
    {
        var xlsx = SheetWith(
            ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình"],
            ["1", "CẢI CÁCH THỂ CHẾ", "1,5", "1,25", ""],
            ["1.1", "Tiêu chí một", "1", "0,75", "Giải trình một"],
            ["1.2", "Tiêu chí hai", "0.5", "0.5", ""],
            ["", "TỔNG ĐIỂM", "1,5", "1,25", ""]);

        var table = ReadBack(xlsx);

        Assert.Equal(1.25m, table.Rows[0].Score);
        Assert.Equal(0.75m, table.AllRows().Single(r => r.Code == "1.1").Score);
        Assert.Equal(1.25m, table.StatedTotalScore);
        Assert.Empty(OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void A_wrong_subtotal_typed_in_the_sheet_is_reported_by_the_verifier()
    {
        var xlsx = SheetWith(
            ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình"],
            ["1", "CẢI CÁCH THỂ CHẾ", "1,5", "1,5", ""],
            ["1.1", "Tiêu chí một", "1", "0,75", ""],
            ["1.2", "Tiêu chí hai", "0,5", "0,5", ""],
            ["", "TỔNG ĐIỂM", "1,5", "1,5", ""]);

        var mismatches = OfficialTableVerifier.Verify(ReadBack(xlsx));

        Assert.Contains(new TableMismatch("1", OfficialTableVerifier.ScoreKind, 1.5m, 1.25m), mismatches);
        Assert.Contains(new TableMismatch(OfficialTableVerifier.TotalCode, OfficialTableVerifier.ScoreKind, 1.5m, 1.25m), mismatches);
    }

    [Fact]
    public void A_bad_number_is_reported_with_its_sheet_row_and_column()
    {
        var xlsx = SheetWith(
            ["Biểu tự đánh giá"],
            ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình"],
            ["1", "CẢI CÁCH THỂ CHẾ", "1", "một", ""]);

        var ex = Assert.Throws<OfficialTableFormatException>(() => ReadBack(xlsx));

        Assert.Equal(3, ex.Line);
        Assert.Equal("Điểm tự đánh giá", ex.Column);
        Assert.StartsWith("Dòng 3, cột Điểm tự đánh giá:", ex.Message);
    }

    [Fact]
    public void A_spreadsheet_without_the_table_header_is_refused_clearly()
    {
        var xlsx = SheetWith(["Tên", "Tuổi"], ["An", "30"]);

        var ex = Assert.Throws<OfficialTableFormatException>(() => ReadBack(xlsx));

        Assert.Contains("không tìm thấy hàng tiêu đề", ex.Message);
    }

    [Fact]
    public void A_damaged_zip_is_refused_clearly()
    {
        var bytes = "PK\u0003\u0004 not really a workbook"u8.ToArray();

        var ex = Assert.Throws<OfficialTableFormatException>(() => ReadBack(bytes));

        Assert.Contains("xlsx", ex.Message);
    }

    [Theory]
    [InlineData("0.99260000000000004", "0.9926")]
    [InlineData("65.248999999999995", "65.249")]
    [InlineData("1.4981", "1.4981")]
    [InlineData("100", "100")]
    [InlineData("1E-3", "0.001")]
    public void Numeric_cells_are_read_at_the_precision_a_spreadsheet_keeps(string raw, string expected)
    {
        Assert.Equal(expected, XlsxTableReader.NumberText(raw));
    }

    [Fact]
    public void The_file_reader_tells_xlsx_from_text_by_content()
    {
        var xlsx = Write(AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()));

        using var fromXlsx = new MemoryStream(xlsx);
        using var fromText = File.OpenRead(Seed.Path);

        Assert.Equal(65.249m, OfficialTableFileReader.Read(fromXlsx).StatedTotalScore);
        Assert.Equal(65.249m, OfficialTableFileReader.Read(fromText).StatedTotalScore);
    }

    /// <summary>A workbook with text cells only, as a unit might type it.</summary>
    private static byte[] SheetWith(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = XlsxTableWriter.ColumnName(c) + (r + 1),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c])),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }
}
