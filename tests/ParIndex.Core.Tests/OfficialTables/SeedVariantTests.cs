using System.Text;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>
/// The seed rewritten the ways other converters and other documents write the same table: every
/// variant must read to the same rows, titles, numbers and explanations as the seed.
/// </summary>
public class SeedVariantTests
{
    private static readonly string Expected = Fingerprint(Seed.Read());

    private static string Fingerprint(OfficialTable table) =>
        string.Join("\n", table.AllRows().Select(r => $"{r.Code}|{r.Title}|{r.Max}|{r.Score}|{r.IsSurvey}|{r.Explanation}"))
        + $"\nTOTAL|{table.StatedTotalMax}|{table.StatedTotalScore}|{string.Join(" / ", table.TitleLines)}";

    private static void ReadsLikeTheSeed(string text) => Assert.Equal(Expected, Fingerprint(Seed.Read(text)));

    [Fact]
    public void Crlf_line_endings() => ReadsLikeTheSeed(Seed.Text.Replace("\n", "\r\n", StringComparison.Ordinal));

    [Fact]
    public void Old_mac_line_endings() => ReadsLikeTheSeed(Seed.Text.Replace("\n", "\r", StringComparison.Ordinal));

    [Fact]
    public void Rows_without_bold_markup() =>
        ReadsLikeTheSeed(Seed.Text.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal));

    [Fact]
    public void Dot_decimals_in_the_number_cells()
    {
        var lines = Seed.Lines().Select(line =>
        {
            var cells = line.Split('\t');
            if (cells.Length < 4)
            {
                return line;
            }

            cells[2] = cells[2].Replace(',', '.');
            cells[3] = cells[3].Replace(',', '.');
            return string.Join("\t", cells);
        });
        var text = Seed.Join(lines);
        Assert.Contains("<b>12.9829</b>", text, StringComparison.Ordinal);
        ReadsLikeTheSeed(text);
    }

    [Fact]
    public void Decomposed_unicode_as_some_pdf_tools_write_it()
    {
        var text = Seed.Text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Seed.Text, text);
        ReadsLikeTheSeed(text);
    }

    [Fact]
    public void Utf8_byte_order_mark() =>
        Assert.Equal(Expected, Fingerprint(OfficialTableTextReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Seed.Text)])));

    [Fact]
    public void Utf16_with_byte_order_mark() =>
        Assert.Equal(Expected, Fingerprint(OfficialTableTextReader.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Seed.Text)])));

    [Fact]
    public void Page_break_inside_another_title()
    {
        var lines = Seed.Lines();
        var i = Seed.IndexOfRow(lines, "3.3.2");
        var cells = lines[i].Split('\t');
        Assert.Equal("Đưa TTHC ngành dọc thực hiện việc tiếp nhận hồ sơ tại Bộ phận Một cửa các cấp theo danh mục được phê duyệt", cells[1]);
        cells[1] = "Đưa TTHC ngành dọc thực hiện việc tiếp nhận";
        lines[i] = string.Join("\t", cells);
        lines.InsertRange(i + 1, ["", "", "\thồ sơ tại Bộ phận Một cửa các cấp\t\t\t", "\ttheo danh mục được phê duyệt\t\t\t"]);
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Page_break_inside_another_explanation()
    {
        var lines = Seed.Lines();
        var i = Seed.IndexOfRow(lines, "6.1.1");
        var cells = lines[i].Split('\t');
        var cut = cells[4].IndexOf(" - Tổng số vốn giải ngân", StringComparison.Ordinal);
        Assert.True(cut > 0);
        var rest = cells[4][(cut + 1)..];
        cells[4] = cells[4][..cut];
        lines[i] = string.Join("\t", cells);
        lines.InsertRange(i + 1, ["", "--\t--\t--\t--\t--", "", "\t\t\t\t" + rest]);
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Page_break_inside_a_paragraph_of_a_marked_up_explanation()
    {
        var lines = Seed.Lines();
        const string cut = "<p>3. Sáng kiến ứng dụng công nghệ thông tin trong nhận diện ";
        var at = lines[17].IndexOf(cut, StringComparison.Ordinal) + cut.Length;
        Assert.True(at > cut.Length);
        var rest = lines[17][at..];
        lines[17] = lines[17][..at];
        lines.InsertRange(18, ["", "\t\t\t\t" + rest]);
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Page_break_between_rows_with_page_number_and_repeated_header()
    {
        var lines = Seed.Lines();
        var i = Seed.IndexOfRow(lines, "4.2.2");
        lines.InsertRange(i, ["", "7", "", lines[7], "--\t--\t--\t--\t--", ""]);
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Page_break_before_the_numbers_of_a_row()
    {
        var lines = Seed.Lines();
        var i = Seed.IndexOfRow(lines, "5.6");
        var cells = lines[i].Split('\t');
        lines[i] = "5.6\tTỷ lệ đạt chuẩn của cán bộ,\t\t\t";
        lines.InsertRange(i + 1, ["", $"\tcông chức cấp xã\t{cells[2]}\t{cells[3]}\t{cells[4]}"]);
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Header_wrapped_over_two_lines()
    {
        var lines = Seed.Lines();
        lines[7] = "STT\tLĩnh vực/Tiêu chí/\tĐiểm\tĐiểm tự\tGiải trình";
        lines.Insert(8, "\tTiêu chí thành phần\tchuẩn\tđánh giá\t");
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void No_header_row_at_all()
    {
        var lines = Seed.Lines();
        lines.RemoveAt(7);
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Signature_block_after_the_total_is_ignored() =>
        ReadsLikeTheSeed(Seed.Text + "\n\n\tNơi nhận:\t\tTM. ỦY BAN NHÂN DÂN\n- Bộ Nội vụ;\n\tCHỦ TỊCH\n");

    [Fact]
    public void Columns_in_another_order_with_an_evidence_column()
    {
        // Giải trình before the numbers, and a Tài liệu kiểm chứng column at the end.
        var lines = Seed.Lines().Select(line =>
        {
            var cells = line.Split('\t');
            return cells.Length < 5 ? line : string.Join("\t", cells[0], cells[1], cells[4], cells[2], cells[3], "");
        }).ToList();
        lines[7] = "STT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tGiải trình\tĐiểm chuẩn\tĐiểm tự đánh giá\tTài liệu kiểm chứng";
        ReadsLikeTheSeed(Seed.Join(lines));
    }

    [Fact]
    public void Deeper_codes_under_a_sub_criterion()
    {
        var lines = Seed.Lines();
        var i = Seed.IndexOfRow(lines, "1.3.1");
        lines.InsertRange(i + 1,
        [
            "1.3.1.1\tKiểm tra cơ quan chuyên môn cấp tỉnh\t0,5\t0,5\tKiểm tra 08 CQCM",
            "1.3.1.2\tKiểm tra ĐVHC cấp huyện\t0,5\t0,5\tKiểm tra 05 ĐVHC",
        ]);
        var table = Seed.Read(Seed.Join(lines));

        var row = table.Row("1.3.1");
        Assert.Equal(["1.3.1.1", "1.3.1.2"], row.Children.Select(c => c.Code));
        Assert.Equal(4, row.Children[1].Level);
        Assert.Equal(0.5m, row.Children[1].Score);
        Assert.Empty(OfficialTableVerifier.Verify(table));

        var changed = Seed.Read(Seed.Join(lines).Replace("ĐVHC cấp huyện\t0,5\t0,5", "ĐVHC cấp huyện\t0,5\t0,25", StringComparison.Ordinal));
        Assert.Equal(["1", "1.3", "1.3.1", "TỔNG ĐIỂM"], OfficialTableVerifier.Verify(changed).Select(m => m.Code));
    }

    [Fact]
    public void Html_entities_are_decoded()
    {
        var text = Seed.WithCell(Seed.Text, "7.2.1", 4, "Hệ thống QLVB&amp;ĐHCV &quot;liên thông&quot; 4 cấp &lt;100%&gt;");
        Assert.Equal("Hệ thống QLVB&ĐHCV \"liên thông\" 4 cấp <100%>", Seed.Read(text).Row("7.2.1").Explanation);
    }

    [Fact]
    public void Rows_keep_the_lines_they_start_on_after_inserted_lines()
    {
        var lines = Seed.Lines();
        lines.InsertRange(9, ["", "", ""]);
        var table = Seed.Read(Seed.Join(lines));
        Assert.Equal(13, table.Row("1.1").SourceLine);
        Assert.Equal(176, table.TotalSourceLine);
    }

    [Fact]
    public void Dash_in_a_score_cell_means_not_scored()
    {
        var table = Seed.Read(Seed.WithCell(Seed.Text, "8.1.5", 3, "-"));
        Assert.Null(table.Row("8.1.5").Score);
        Assert.Empty(OfficialTableVerifier.Verify(table));
    }
}
