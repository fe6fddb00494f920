using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>The format-agnostic builder, used the way a sheet reader would (rows numbered as sheet rows).</summary>
public class OfficialTableBuilderTests
{
    private static readonly string[] Title = ["BIỂU TỰ ĐÁNH GIÁ", ""];

    [Fact]
    public void Builds_a_tree_of_any_depth_in_document_order_from_numbers_or_text()
    {
        var table = OfficialTableBuilder.Build(Title,
        [
            RawTableRow.FromNumbers("1", "Lĩnh vực", 3m, 2.5m, "", 5),
            new RawTableRow("1.1", "Tiêu chí", "1,5", "1.5", "Đã làm", 6),
            new RawTableRow("1.2", "Tiêu chí có con", "1.5", "1", "", 7),
            new RawTableRow("1.2.1.", "Con", "1", "1", "", 8),
            new RawTableRow("1.2.2", "Con thứ hai", "0,5", "", "Đánh giá qua điều tra xã hội học", 9),
            new RawTableRow("1.2.1.1", "Cháu", "1", "1", "", 10),
        ],
        RawTableTotal.FromNumbers(3m, 2.5m, 11));

        Assert.Equal(["BIỂU TỰ ĐÁNH GIÁ"], table.TitleLines);
        Assert.Equal(["1", "1.1", "1.2", "1.2.1", "1.2.1.1", "1.2.2"], table.AllRows().Select(r => r.Code));
        var deep = table.AllRows().Single(r => r.Code == "1.2.1.1");
        Assert.Equal(4, deep.Level);
        Assert.Equal(10, deep.SourceLine);
        var survey = table.AllRows().Single(r => r.Code == "1.2.2");
        Assert.True(survey.IsSurvey);
        Assert.Null(survey.Score);
        Assert.Equal(1.5m, table.AllRows().Single(r => r.Code == "1.1").Score);
        Assert.Equal(11, table.TotalSourceLine);
        Assert.Empty(OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void A_child_listed_before_its_parent_still_finds_it()
    {
        var table = OfficialTableBuilder.Build([],
        [
            new RawTableRow("2.1", "Con", "1", "1", "", 3),
            new RawTableRow("2", "Cha", "1", "1", "", 4),
        ]);
        Assert.Equal("2.1", Assert.Single(table.Rows).Children.Single().Code);
    }

    [Fact]
    public void Rejects_a_duplicate_code_at_its_second_row()
    {
        var ex = Assert.Throws<OfficialTableFormatException>(() => OfficialTableBuilder.Build([],
        [
            new RawTableRow("1", "A", "1", "1", "", 4),
            new RawTableRow("1", "B", "1", "1", "", 9),
        ]));
        Assert.Equal(9, ex.Line);
        Assert.Contains("đã có ở dòng 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_missing_parent()
    {
        var ex = Assert.Throws<OfficialTableFormatException>(() => OfficialTableBuilder.Build([],
        [
            new RawTableRow("1", "A", "1", "1", "", 4),
            new RawTableRow("1.2.1", "B", "1", "1", "", 5),
        ]));
        Assert.Equal(5, ex.Line);
        Assert.Contains("không có hàng cha 1.2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.a")]
    [InlineData("I")]
    [InlineData("")]
    [InlineData("1..2")]
    public void Rejects_a_code_that_is_not_hierarchical_numbers(string code)
    {
        var ex = Assert.Throws<OfficialTableFormatException>(() => OfficialTableBuilder.Build([], [new RawTableRow(code, "A", "1", "1", "", 7)]));
        Assert.Equal(7, ex.Line);
        Assert.Equal("STT", ex.Column);
    }

    [Fact]
    public void Rejects_no_rows_at_the_table_line()
    {
        var ex = Assert.Throws<OfficialTableFormatException>(() => OfficialTableBuilder.Build(["X"], [], null, tableLine: 3));
        Assert.Equal(3, ex.Line);
    }

    [Theory]
    [InlineData("1,5 điểm", null, "Điểm chuẩn")]
    [InlineData("1", "abc", "Điểm tự đánh giá")]
    [InlineData("", "1", "Điểm chuẩn")]
    public void Names_the_column_of_a_bad_number(string max, string? score, string column)
    {
        var ex = Assert.Throws<OfficialTableFormatException>(() => OfficialTableBuilder.Build([], [new RawTableRow("1", "A", max, score, "", 12)]));
        Assert.Equal(12, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.StartsWith($"Dòng 12, cột {column}: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3.1", "1.3")]
    [InlineData("1", null)]
    [InlineData("10.12.3.4", "10.12.3")]
    public void Parent_code(string code, string? parent) => Assert.Equal(parent, OfficialTableBuilder.ParentCode(code));
}
