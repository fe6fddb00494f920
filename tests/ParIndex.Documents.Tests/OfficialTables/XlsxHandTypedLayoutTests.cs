using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.OfficialTables;

/// <summary>
/// Workbooks laid out the way civil servants type tables in Excel (issue 14): each layout reads to
/// the same table. Before, they failed with "hàng có nội dung nhưng không có STT" (two-row header),
/// "'(1)' không phải mã tiêu chí" (column numbers) or "không tìm thấy hàng tiêu đề" naming the last
/// row (a table starting in column B).
/// </summary>
public class XlsxHandTypedLayoutTests
{
    private static OfficialTable Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return XlsxTableReader.Read(stream);
    }

    /// <summary>
    /// Title block with the motto, header merged over rows 6–7 from column B, a spacer column D,
    /// column numbers in row 8, numbers typed as text with decimal commas beside real numbers, SUM
    /// formulas with and without a cached value, a continuation row, TỔNG ĐIỂM, a signature block.
    /// </summary>
    internal static HandTypedWorkbook CivilServantTable(bool withTotal = true)
    {
        var book = new HandTypedWorkbook()
            .Row(1, "B", "UBND TỈNH BẮC GIANG", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Row(2, "B", "SỞ NỘI VỤ", null, null, null, "Độc lập - Tự do - Hạnh phúc")
            .Row(4, "B", "BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023").Merge("B4:H4")
            .Row(6, "B", "STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", null, "Điểm", null, "Giải trình")
            .Row(7, "E", "Chuẩn", "Tự đánh giá")
            .Merge("B6:B7").Merge("C6:C7").Merge("E6:F6").Merge("G6:G7")
            .Row(8, "B", "(1)", "(2)", null, "(3)", "(4)", "(5)")
            .Row(9, "B", "1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", null, "2,5", "2,25", "")
            .Row(10, "B", "1.1", "Thực hiện kế hoạch CCHC", null, 1.5m, "1,25", "Hoàn thành 100% kế hoạch")
            .Row(11, "B", "1.2", "Thực hiện chế độ báo cáo", null, "1", 1m, "Báo cáo đủ")
            .Row(12, "B", null, null, null, null, null, "Gửi đúng hạn")
            .Row(13, "B", "2", "CẢI CÁCH THỂ CHẾ", null, new Formula("SUM(E14:E15)", null), new Formula("SUM(F14:F15)", null))
            .Row(14, "B", "2.1", "Theo dõi thi hành pháp luật", null, 3m, 2.5m)
            .Row(15, "B", "2.2", "Rà soát văn bản", null, 0.5m, 0m, "Đánh giá qua điều tra xã hội học");
        if (withTotal)
        {
            book.Row(16, "B", null, "TỔNG ĐIỂM", null, new Formula("SUM(E9,E13)", 6m), new Formula("SUM(F9,F13)", 4.75m));
        }

        return book
            .Row(18, "F", "Bắc Giang, ngày 15 tháng 01 năm 2024")
            .Row(19, "B", "Người lập biểu", null, null, null, "GIÁM ĐỐC")
            .Row(22, "B", "Trần Thị B", null, null, null, "Nguyễn Văn A");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_table_typed_by_a_civil_servant_reads_whole(bool withTotal)
    {
        var table = Read(CivilServantTable(withTotal).Build());

        Assert.Equal(["1", "1.1", "1.2", "2", "2.1", "2.2"], table.AllRows().Select(r => r.Code));
        Assert.Equal([2.5m, 1.5m, 1m, 3.5m, 3m, 0.5m], table.AllRows().Select(r => r.Max));
        Assert.Equal([2.25m, 1.25m, 1m, 2.5m, 2.5m, 0m], table.AllRows().Select(r => r.Score));
        Assert.Equal("Báo cáo đủ\nGửi đúng hạn", table.AllRows().Single(r => r.Code == "1.2").Explanation);
        Assert.True(table.AllRows().Single(r => r.Code == "2.2").IsSurvey);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", table.Title, StringComparison.Ordinal);
        Assert.Contains("BIỂU TỰ ĐÁNH GIÁ", table.Title, StringComparison.Ordinal);
        Assert.Equal(withTotal ? 6m : null, table.StatedTotalMax);
        Assert.Equal(withTotal ? 4.75m : null, table.StatedTotalScore);
        Assert.Empty(OfficialTableVerifier.Verify(table));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("C")]
    [InlineData("F")]
    public void The_table_may_start_in_any_column(string firstColumn)
    {
        var table = Read(new HandTypedWorkbook()
            .Row(1, firstColumn, "BIỂU TỰ ĐÁNH GIÁ")
            .Row(3, firstColumn, "STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình")
            .Row(4, firstColumn, "1", "CẢI CÁCH THỂ CHẾ", 1m, 0.5m, "Có")
            .Row(5, firstColumn, null, "TỔNG ĐIỂM", 1m, 0.5m)
            .Build());

        Assert.Equal("1", Assert.Single(table.Rows).Code);
        Assert.Equal(0.5m, table.StatedTotalScore);
        Assert.Equal("Có", table.Rows[0].Explanation);
    }

    [Fact]
    public void A_number_typed_with_a_dot_between_thousands_is_read_as_the_figure_rules_read_it_and_flagged_above_its_maximum()
    {
        var table = Read(new HandTypedWorkbook()
            .Row(1, "B", "STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình")
            .Row(2, "B", "1", "CẢI CÁCH THỂ CHẾ", "14", "14.000")
            .Row(3, "B", "2", "CẢI CÁCH TTHC", "1,5", "1,25")
            .Build());

        Assert.Equal(14000m, table.Rows[0].Score);
        var mismatch = Assert.Single(OfficialTableVerifier.Verify(table));
        Assert.Equal(new TableMismatch("1", OfficialTableVerifier.AboveMaxKind, 14000m, 14m), mismatch);
        Assert.Equal(2, mismatch.Line);
    }

    [Fact]
    public void A_formula_other_than_SUM_without_a_cached_value_is_reported_with_its_cell()
    {
        var xlsx = new HandTypedWorkbook()
            .Row(1, "B", "STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá")
            .Row(2, "B", "1", "CẢI CÁCH THỂ CHẾ", 2m, new Formula("AVERAGE(D3:D4)", null))
            .Row(3, "B", "1.1", "Một", 1m, 1m)
            .Row(4, "B", "1.2", "Hai", 1m, 0.5m)
            .Build();

        var ex = Assert.Throws<OfficialTableFormatException>(() => Read(xlsx));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("E2", problem.Cell);
        Assert.Contains("AVERAGE(D3:D4)", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_sheet_is_reported_not_only_the_first()
    {
        var xlsx = new HandTypedWorkbook()
            .Row(1, "B", "STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá")
            .Row(2, "B", "1", "CẢI CÁCH THỂ CHẾ", 2m, "một")
            .Row(3, "B", "1.1", "Một", 1m, 1m)
            .Row(4, "B", "1.x", "Hai", 1m, 0.5m)
            .Row(5, "B", "1.1", "Một lần nữa", 1m, 1m)
            .Build();

        var ex = Assert.Throws<OfficialTableFormatException>(() => Read(xlsx));

        Assert.Equal([2, 4, 5], ex.Problems.Select(p => p.Line));
        Assert.Equal(["E2", "B4", "B5"], ex.Problems.Select(p => p.Cell));
        Assert.StartsWith("Dòng 2, cột Điểm tự đánh giá: 'một' không phải là số", ex.Message, StringComparison.Ordinal);
        Assert.Contains("và 2 lỗi khác", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_header_the_row_most_like_one_is_named_not_the_last_row()
    {
        var xlsx = new HandTypedWorkbook()
            .Row(1, "B", "UBND TỈNH BẮC GIANG")
            .Row(3, "B", "TT", "Nội dung tiêu chí", "Số tối đa")
            .Row(4, "B", "1", "CẢI CÁCH THỂ CHẾ", 2m)
            .Row(40, "B", "Ghi chú cuối trang")
            .Build();

        var ex = Assert.Throws<OfficialTableFormatException>(() => Read(xlsx));

        Assert.Equal(3, ex.Line);
        Assert.Contains("không tìm thấy hàng tiêu đề", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dòng 3 (\"TT Nội dung tiêu chí Số tối đa\")", ex.Message, StringComparison.Ordinal);
    }
}
