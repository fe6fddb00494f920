using System.Text;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>Documents that cannot be read: each error names the line and says what is wrong, in Vietnamese.</summary>
public class OfficialTableReaderErrorTests
{
    private static OfficialTableFormatException Fails(byte[] bytes) =>
        Assert.Throws<OfficialTableFormatException>(() => OfficialTableTextReader.Read(bytes));

    [Fact]
    public void Empty_file()
    {
        var ex = Fails([]);
        Assert.Equal(1, ex.Line);
        Assert.StartsWith("Dòng 1: tệp rỗng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_only_file() =>
        Assert.Contains("rỗng", Fails(Encoding.UTF8.GetBytes(" \n\t\r\n  ")).Message, StringComparison.Ordinal);

    [Fact]
    public void Binary_file_with_nul_bytes_names_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes("PK\u0003\u0004\n\nabc\0def");
        var ex = Fails(bytes);
        Assert.Equal(3, ex.Line);
        Assert.Contains("nhị phân", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_names_the_line_and_the_byte()
    {
        // A PDF's second line holds bytes above 0x7F that are not UTF-8.
        byte[] bytes = [.. "%PDF-1.7\n"u8, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, .. "1 0 obj\n"u8];
        var ex = Fails(bytes);
        Assert.Equal(2, ex.Line);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0xE2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_table()
    {
        var ex = Seed.ReadFails("Báo cáo kết quả CCHC\nNăm 2023 tỉnh đã hoàn thành kế hoạch.\n");
        // Nothing looks like a header: the first line is named, not the last line read.
        Assert.Equal(1, ex.Line);
        Assert.Contains("không tìm thấy bảng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_without_rows()
    {
        var lines = Seed.Lines().Take(8);
        var ex = Seed.ReadFails(Seed.Join(lines) + "\n\n\t<b>TỔNG ĐIỂM</b>\t<b>100</b>\t<b>65,249</b>\t\n");
        Assert.Equal(8, ex.Line);
        Assert.Contains("không có hàng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_code_names_both_lines()
    {
        var lines = Seed.Lines();
        lines.Insert(23, "1.2\tThực hiện chế độ báo cáo CCHC định kỳ\t0,5\t0,5\tTrùng");
        var ex = Seed.ReadFails(Seed.Join(lines));
        Assert.Equal(24, ex.Line);
        Assert.Equal("STT", ex.Column);
        Assert.Equal("Dòng 24, cột STT: mã 1.2 bị trùng, đã có ở dòng 11 (duplicate code 1.2, first on line 11).", ex.Message);
    }

    [Fact]
    public void Code_whose_parent_is_missing()
    {
        var ex = Seed.ReadFails(Seed.WithCell(Seed.Text, "6.3.2", 0, "6.9.2"));
        Assert.Equal(129, ex.Line);
        Assert.Contains("mã 6.9.2 không có hàng cha 6.9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparsable_maximum_names_the_column()
    {
        var ex = Seed.ReadFails(Seed.WithCell(Seed.Text, "1.1", 2, "<b>1,5đ</b>"));
        Assert.Equal(10, ex.Line);
        Assert.Equal("Điểm chuẩn", ex.Column);
        Assert.Equal("Dòng 10, cột Điểm chuẩn: '1,5đ' không phải là số (not a number).", ex.Message);
    }

    [Fact]
    public void Unparsable_score_names_the_column()
    {
        var ex = Seed.ReadFails(Seed.WithCell(Seed.Text, "7.3.6", 3, "<b>1,48x</b>"));
        Assert.Equal(153, ex.Line);
        Assert.Equal("Điểm tự đánh giá", ex.Column);
    }

    [Fact]
    public void Unparsable_total_names_the_column()
    {
        var lines = Seed.Lines();
        lines[172] = "\t<b>TỔNG ĐIỂM</b>\t<b>một trăm</b>\t<b>65,249</b>\t";
        var ex = Seed.ReadFails(Seed.Join(lines));
        Assert.Equal(173, ex.Line);
        Assert.Equal("Điểm chuẩn", ex.Column);
    }

    [Fact]
    public void Missing_maximum()
    {
        var ex = Seed.ReadFails(Seed.WithCell(Seed.Text, "2.3", 2, ""));
        Assert.Equal(32, ex.Line);
        Assert.Contains("hàng 2.3 thiếu điểm chuẩn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_is_not_a_code()
    {
        var ex = Seed.ReadFails(Seed.WithCell(Seed.Text, "4.2", 0, "4.2a"));
        Assert.Equal(76, ex.Line);
        Assert.Contains("'4.2a' không phải mã tiêu chí", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_without_cells_inside_the_table()
    {
        var lines = Seed.Lines();
        lines.Insert(30, "Ghi chú: số liệu tạm tính");
        var ex = Seed.ReadFails(Seed.Join(lines));
        Assert.Equal(31, ex.Line);
        Assert.Contains("không có ô nào phân cách bằng tab", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_after_the_total()
    {
        var ex = Seed.ReadFails(Seed.Text + "\n9\tĐIỂM THƯỞNG\t2\t1\t\n");
        Assert.Equal(174, ex.Line);
        Assert.Contains("sau dòng TỔNG ĐIỂM", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_break_that_repeats_a_number_already_there()
    {
        var lines = Seed.Lines();
        lines[17] = "\tcách hành chính\t3\t\t<p>hiện trường: …</p>";
        var ex = Seed.ReadFails(Seed.Join(lines));
        Assert.Equal(18, ex.Line);
        Assert.Equal("Điểm chuẩn", ex.Column);
    }

    [Fact]
    public void A_stream_larger_than_the_limit()
    {
        using var stream = new MemoryStream(new byte[OfficialTableTextReader.MaxBytes + 10]);
        var ex = Assert.Throws<OfficialTableFormatException>(() => OfficialTableTextReader.Read(stream));
        Assert.Contains("MB", ex.Message, StringComparison.Ordinal);
    }
}
