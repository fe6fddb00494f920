using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>The layout rules shared by the xlsx and PDF readers (ADR 0117), on grids made here.</summary>
public class OfficialTableGridReaderTests
{
    private static OfficialTable Read(params string[][] rows) =>
        OfficialTableGridReader.Read(rows.Select((cells, i) => new TableGridRow(i + 1, cells)), spreadsheet: false, "ở đây");

    [Theory]
    [InlineData(true, "(1)", "(2)", "(3)", "(4)", "(5)")]
    [InlineData(true, "", "1", "2", "", "3", "4")]
    [InlineData(false, "1", "CẢI CÁCH THỂ CHẾ", "3", "2")]
    [InlineData(false, "(1)", "(3)", "(2)")]
    [InlineData(false, "(1)", "(2)")]
    public void The_row_of_column_numbers_is_recognised(bool expected, params string[] cells) =>
        Assert.Equal(expected, OfficialTableColumns.IsColumnNumberRow(cells));

    [Fact]
    public void A_header_wrapped_over_two_lines_with_column_numbers_and_a_spacer_column_reads()
    {
        var table = Read(
            ["", "BIỂU TỰ ĐÁNH GIÁ"],
            ["", "STT", "Lĩnh vực/Tiêu chí", "", "Điểm", "Điểm tự", "Giải trình"],
            ["", "", "", "", "chuẩn", "đánh giá", ""],
            ["", "(1)", "(2)", "", "(3)", "(4)", "(5)"],
            ["", "1", "CẢI CÁCH", "", "2", "1,5", "Một"],
            ["", "", "THỂ CHẾ", "", "", "", "hai"],
            ["", "", "TỔNG ĐIỂM", "", "2", "1,5", ""],
            ["", "", "", "", "", "GIÁM ĐỐC"]);

        var row = Assert.Single(table.Rows);
        Assert.Equal(("1", "CẢI CÁCH THỂ CHẾ", 2m, 1.5m, "Một hai"), (row.Code, row.Title, row.Max, row.Score, row.Explanation));
        Assert.Equal(1.5m, table.StatedTotalScore);
        Assert.Equal("BIỂU TỰ ĐÁNH GIÁ", table.Title);
    }

    [Fact]
    public void Decimal_commas_make_a_dot_between_thousands_a_group_and_dot_decimals_keep_it_a_decimal()
    {
        var comma = Read(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá"], ["1", "A", "1,5", "1.000"], ["2", "B", "2", "1,25"]);
        var dot = Read(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá"], ["1", "A", "1.5", "1.000"], ["2", "B", "2", "1.25"]);

        Assert.Equal(1000m, comma.Rows[0].Score);
        Assert.Equal(1m, dot.Rows[0].Score);
    }

    [Fact]
    public void A_total_above_its_maximum_and_a_negative_leaf_are_mismatches()
    {
        var table = Read(
            ["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá"],
            ["1", "A", "2", "3"],
            ["1.1", "a", "1", "3,5"],
            ["1.2", "b", "1", "-0,5"],
            ["", "TỔNG ĐIỂM", "2", "3"]);

        var mismatches = OfficialTableVerifier.Verify(table);

        Assert.Contains(new TableMismatch("1", OfficialTableVerifier.AboveMaxKind, 3m, 2m), mismatches);
        Assert.Contains(new TableMismatch("1.1", OfficialTableVerifier.AboveMaxKind, 3.5m, 1m), mismatches);
        Assert.Contains(new TableMismatch("1.2", OfficialTableVerifier.NegativeKind, -0.5m, 0m), mismatches);
        Assert.Contains(new TableMismatch(OfficialTableVerifier.TotalCode, OfficialTableVerifier.AboveMaxKind, 3m, 2m), mismatches);
        Assert.All(mismatches, m => Assert.NotNull(m.Line));
    }

    [Fact]
    public void An_explanation_that_starts_like_a_title_or_a_date_does_not_end_the_table()
    {
        var table = Read(
            ["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình"],
            ["1", "A", "1", "1", "Theo"],
            ["", "", "", "", "Chủ tịch UBND tỉnh đã ban hành"],
            ["", "", "", "", "Kế hoạch số 41/KH-UBND ngày 15 tháng 02 năm 2023"],
            ["2", "B", "1", "1", ""]);

        Assert.Equal(["1", "2"], table.Rows.Select(r => r.Code));
        Assert.Equal("Theo Chủ tịch UBND tỉnh đã ban hành Kế hoạch số 41/KH-UBND ngày 15 tháng 02 năm 2023", table.Rows[0].Explanation);
    }
}
