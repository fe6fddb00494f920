using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>Reading the real seed: what a user checks against the printed table.</summary>
public class SeedTableTests
{
    private readonly OfficialTable table = Seed.Read();

    [Fact]
    public void Has_eight_fields_with_their_stated_points_and_maxima()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], table.Rows.Select(r => r.Code));
        Assert.Equal([9.5m, 6m, 12.9829m, 6.4384m, 5m, 7.7493m, 11.9673m, 5.6111m], table.Rows.Select(r => r.Score!.Value));
        Assert.Equal([9.5m, 10m, 13m, 10.5m, 15m, 12m, 13.5m, 16.5m], table.Rows.Select(r => r.Max));
        Assert.Equal("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", table.Rows[0].Title);
        Assert.Equal("TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI", table.Rows[7].Title);
    }

    [Fact]
    public void Total_is_65_249_of_100_stated_and_computed_and_nothing_mismatches()
    {
        Assert.Equal(65.249m, table.ComputedTotalScore);
        Assert.Equal(100m, table.ComputedTotalMax);
        Assert.Equal(65.249m, table.StatedTotalScore);
        Assert.Equal(100m, table.StatedTotalMax);
        Assert.Equal(173, table.TotalSourceLine);
        Assert.Empty(OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void Builds_the_tree_from_the_codes()
    {
        var all = table.AllRows().ToList();
        Assert.Equal(133, all.Count);
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct().Count());
        Assert.Equal(["1.3.1", "1.3.2"], table.Row("1.3").Children.Select(c => c.Code));
        Assert.Equal(["8.1", "8.2", "8.3", "8.4", "8.5"], table.Row("8").Children.Select(c => c.Code));
        Assert.True(table.Row("5.4").IsLeaf);
        Assert.Equal(3, table.Row("6.3.5").Level);
        Assert.All(all, r => Assert.True(r.Code.Split('.').Length == r.Level));
    }

    [Theory]
    [InlineData("1.1", 10)]
    [InlineData("1.5", 16)]
    [InlineData("1.6", 22)]
    [InlineData("4.1.6", 75)]
    [InlineData("8.5", 172)]
    public void Remembers_the_line_where_each_row_starts(string code, int line) =>
        Assert.Equal(line, table.Row(code).SourceLine);

    [Theory]
    [InlineData("1.5", "Sáng kiến hoặc giải pháp mới trong cải cách hành chính")]
    [InlineData("4.1.5", "Tính hợp lý trong phân định chức năng, nhiệm vụ giữa các cơ quan, đơn vị tại địa phương")]
    [InlineData("4.3.4", "Tính hợp lý trong việc phân cấp, phân quyền thực hiện nhiệm vụ quản lý nhà nước giữa tỉnh và huyện")]
    [InlineData("5.5.2", "Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức")]
    [InlineData("7.3", "Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức")]
    public void Joins_titles_split_by_page_breaks(string code, string title) =>
        Assert.Equal(title, table.Row(code).Title);

    [Fact]
    public void Keeps_the_whole_explanation_of_1_5_across_the_separator_as_paragraphs()
    {
        var paragraphs = table.Row("1.5").Explanation.Split('\n');
        Assert.Equal(8, paragraphs.Length);
        for (var i = 0; i < 8; i++)
        {
            Assert.StartsWith($"{i + 1}. ", paragraphs[i], StringComparison.Ordinal);
        }

        // The page break fell inside paragraph 1: its two halves are one sentence again.
        Assert.Contains("hệ thống thông tin phản ánh hiện trường: thực hiện tiếp nhận", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("7. “Trợ lý ảo” giống như một tư vấn viên", paragraphs[6], StringComparison.Ordinal);
        Assert.EndsWith("cấp bản sao tài liệu).", paragraphs[7], StringComparison.Ordinal);
        Assert.DoesNotContain("<", table.Row("1.5").Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("--", table.Row("1.5").Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.1", "kiến nghị cụ thể sửa đổi, bổ sung VBQPPL quy định TTHC")]
    [InlineData("3.2.2", "Bộ phận Một cửa các cấp.")]
    [InlineData("7.1.1", "đô thị thông minh tỉnh Bắc Giang phiên bản 1.0.")]
    public void Joins_explanations_split_by_page_breaks(string code, string text)
    {
        Assert.Contains(text, table.Row(code).Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", table.Row(code).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Makes_the_math_of_4_1_3_readable()
    {
        var explanation = table.Row("4.1.3").Explanation;
        Assert.Contains("năm 2023 là 857; K = (1055 - 857)/1055 · 100 = 18,77. Như vậy", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("$", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("\\cdot", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_links_as_their_text()
    {
        Assert.Equal(
            "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn cấp tỉnh đạt 99,9%, công khai trên Cổng dịch vụ công của tỉnh tại địa chỉ: https://dichvucong.bacgiang.gov.vn (Hình ảnh kèm theo)",
            table.Row("3.4.1").Explanation);
    }

    [Fact]
    public void Marks_survey_rows_whose_leaves_are_worth_32_points()
    {
        var surveyLeaves = table.AllRows().Where(r => r.IsLeaf && r.IsSurvey).ToList();
        Assert.Equal(32m, surveyLeaves.Sum(r => r.Max));
        Assert.Equal(27, surveyLeaves.Count);
        Assert.All(surveyLeaves, r => Assert.Equal(0m, r.Score));
        Assert.Contains("8.1.3", surveyLeaves.Select(r => r.Code));
        Assert.True(table.Row("2.4").IsSurvey);
        Assert.False(table.Row("1.5").IsSurvey);
        Assert.False(table.Row("8.2").IsSurvey);
    }

    [Fact]
    public void Reads_the_title_block_without_markup()
    {
        Assert.Equal(
            ["BIỂU TỰ ĐÁNH GIÁ", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023", "(Kèm theo Báo cáo số /BC-UBND ngày /01/2024", "của Chủ tịch UBND tỉnh)"],
            table.TitleLines);
        Assert.StartsWith("BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023", table.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_no_markup_in_any_title_or_explanation()
    {
        foreach (var row in table.AllRows())
        {
            Assert.DoesNotMatch("<[a-zA-Z/]|\\*\\*|\\$|&[a-z]+;", row.Title + row.Explanation);
            Assert.Equal(row.Title.Trim(), row.Title);
        }
    }
}
