using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>
/// Tables that are not the seed: another province's (other columns, wrapped header, page numbers,
/// repeated header) and a ministry's (7 fields, deeper codes, dot decimals, no bold, CRLF).
/// Cells are written with '|' here for readability and turned into tabs.
/// </summary>
public class OtherTablesTests
{
    private static string Tabbed(string text) =>
        string.Join("\n", text.Split('\n').Select(line =>
            line.Contains('|', StringComparison.Ordinal) ? string.Join("\t", line.Split('|').Select(c => c.Trim())) : line));

    private const string Province = """
        UỶ BAN NHÂN DÂN TỈNH QUẢNG NINH

        **BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2022**
        STT | Nội dung tiêu chí, | Điểm | Điểm tự | Giải trình, | Tài liệu
        | tiêu chí thành phần | tối đa | đánh giá | lý do | kiểm chứng
        <b>1</b> | <b>CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC</b> | <b>9,5</b> | <b>9</b> | | 
        1.1 | Kế hoạch và báo cáo CCHC | 5,5 | 5,5 | Đầy đủ, đúng hạn | KH số 12/KH-UBND
        1.2 | Kiểm tra, tuyên truyền | 4 | 3,5 | Xem <a href="https://sonoivu.quangninh.gov.vn/cchc">trang CCHC</a> | 
        <b>2</b> | <b>CẢI CÁCH THỂ CHẾ</b> | <b>10</b> | <b>6,5</b> | | 
        2.1 | Theo dõi thi hành pháp luật | 6 | 5,5 | | 
        2.2 | Chất lượng VBQPPL | 4 | 1 | | 
        <b>3</b> | <b>CẢI CÁCH THỦ TỤC HÀNH CHÍNH</b> | <b>13</b> | <b>12,75</b> | | 
        3.1 | Giải quyết hồ sơ đúng hạn | 8 | 7,75 | Tỷ lệ $\frac{9875}{10000} = 98,75\%$ hồ sơ | Báo cáo
        3.2 | Công khai TTHC | 5 | 5 | | 

        Trang 2/3

        STT | Nội dung tiêu chí, | Điểm | Điểm tự | Giải trình, | Tài liệu
        | tiêu chí thành phần | tối đa | đánh giá | lý do | kiểm chứng
        <b>4</b> | <b>CẢI CÁCH TỔ CHỨC BỘ MÁY</b> | <b>10,5</b> | <b>7</b> | | 
        4.1 | Sắp xếp tổ chức | 6,5 | 4 | | 
        4.2 | Quản lý biên chế | 4 | 3 | | 
        <b>5</b> | <b>CẢI CÁCH CHẾ ĐỘ CÔNG VỤ</b> | <b>15</b> | <b>8,25</b> | | 
        5.1 | Tuyển dụng, bố trí công chức | 11 | 8,25 | | 
        5.1.1 | Bố trí theo vị trí việc làm | 7 | 7 | | 
        5.1.2 | Tuyển dụng theo | 4 | 1,25 | Chưa tổ chức thi | 

        | quy định | | | tuyển công chức cấp xã | 
        5.2 | Chất lượng đội ngũ | 4 | 0 | đánh giá qua điều tra xã hội học | 
        <b>6</b> | <b>CẢI CÁCH TÀI CHÍNH CÔNG</b> | <b>12</b> | <b>9,5</b> | | 
        6.1 | Quản lý tài chính, tài sản công | 12 | 9,5 | | 
        <b>7</b> | <b>XÂY DỰNG CHÍNH QUYỀN SỐ</b> | <b>13,5</b> | <b>12,1234</b> | | 
        7.1 | Dịch vụ công trực tuyến | 13,5 | 12,1234 | | 
        <b>8</b> | <b>TÁC ĐỘNG CỦA CCHC</b> | <b>16,5</b> | <b>6</b> | | 
        8.1 | Chỉ số hài lòng (SIPAS) | 10 | 0 | Đánh giá qua điều tra xã hội học | 
        8.2 | Thu hút đầu tư | 6,5 | 6 | | 
        | <b>Tổng cộng</b> | <b>100</b> | <b>71,1234</b> | | 

        Trang 3/3
        """;

    private const string Ministry = """
        BỘ TƯ PHÁP
        BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024
        TT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm tối đa | Điểm tự chấm | Ghi chú
        1 | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC | 12 | 11.5 | 
        1.1 | Kế hoạch CCHC | 4 | 4 | 
        1.1.1 | Ban hành kế hoạch CCHC năm | 1 | 1 | Quyết định số 15/QĐ-BTP
        1.1.2 | Mức độ hoàn thành kế hoạch | 3 | 3 | 
        1.1.2.1 | Hoàn thành 100% nhiệm vụ đúng hạn | 2 | 2 | 
        1.1.2.2 | Báo cáo kết quả thực hiện | 1 | 1 | 
        1.2 | Công tác kiểm tra CCHC | 3 | 2.5 | Kiểm tra 6/8 đơn vị
        1.3 | Sáng kiến, giải pháp mới | 5 | 5 | <p>1. Phần mềm quản lý</p> <p>2. Trợ lý ảo pháp luật phục vụ người dân và



        | trong cải cách hành chính | | | doanh nghiệp tra cứu văn bản</p>
        2 | XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL | 15 | 13.25 | 
        2.1 | Xây dựng văn bản QPPL | 8 | 7.25 | 
        2.2 | Rà soát, hệ thống hóa văn bản QPPL | 7 | 6 | 
        3 | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | 15 | 14.5 | 
        3.1 | Giải quyết TTHC | 10 | 9.75 | 
        3.2 | Công khai TTHC | 5 | 4.75 | 
        4 | CẢI CÁCH TỔ CHỨC BỘ MÁY | 13 | 12 | 
        4.1 | Sắp xếp tổ chức bộ máy | 6 | 6 | 
        4.2 | Quản lý biên chế | 7 | 6 | 
        5 | XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC | 15 | 9 | 
        5.1 | Vị trí việc làm, tuyển dụng | 9 | 9 | 
        5.2 | Chất lượng đội ngũ | 6 | 0 | Đánh giá qua điều tra xã hội học
        6 | CẢI CÁCH TÀI CHÍNH CÔNG | 12 | 10.5 | 
        6.1 | Quản lý ngân sách | 6 | 6 | 
        6.2 | Quản lý tài sản công | 6 | 4.5 | 
        7 | HIỆN ĐẠI HÓA HÀNH CHÍNH | 18 | 16.75 | 
        7.1 | Ứng dụng công nghệ thông tin | 10 | 9.75 | 
        7.2 | Dịch vụ công trực tuyến | 8 | 7 | 
        | TỔNG ĐIỂM | 100 | 87.5 | 
        """;

    [Fact]
    public void Another_provinces_table_with_other_column_names_and_an_evidence_column()
    {
        var table = Seed.Read(Tabbed(Province));

        Assert.Equal(["UỶ BAN NHÂN DÂN TỈNH QUẢNG NINH", "BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2022"], table.TitleLines);
        Assert.Equal(8, table.Rows.Count);
        Assert.Equal(71.1234m, table.ComputedTotalScore);
        Assert.Equal(100m, table.ComputedTotalMax);
        Assert.Equal(71.1234m, table.StatedTotalScore);
        Assert.Empty(OfficialTableVerifier.Verify(table));

        // The evidence column is not taken for the explanation.
        Assert.Equal("Đầy đủ, đúng hạn", table.Row("1.1").Explanation);
        Assert.Equal("Xem trang CCHC (https://sonoivu.quangninh.gov.vn/cchc)", table.Row("1.2").Explanation);
        Assert.Equal("Tỷ lệ 9875/10000 = 98,75% hồ sơ", table.Row("3.1").Explanation);
        // The repeated header after "Trang 2/3" is not glued to row 3.2.
        Assert.Equal("Công khai TTHC", table.Row("3.2").Title);
        Assert.Equal("Tuyển dụng theo quy định", table.Row("5.1.2").Title);
        Assert.Equal("Chưa tổ chức thi tuyển công chức cấp xã", table.Row("5.1.2").Explanation);
        Assert.True(table.Row("5.2").IsSurvey);
        Assert.Equal(14m, table.AllRows().Where(r => r.IsLeaf && r.IsSurvey).Sum(r => r.Max));
    }

    [Fact]
    public void Another_provinces_table_with_one_wrong_field_total()
    {
        var text = Tabbed(Province).Replace("<b>8,25</b>", "<b>8,5</b>", StringComparison.Ordinal);
        Assert.Equal([new TableMismatch("5", "score", 8.5m, 8.25m)], OfficialTableVerifier.Verify(Seed.Read(text)));
    }

    [Fact]
    public void A_ministrys_table_with_seven_fields_deeper_codes_dot_decimals_and_crlf()
    {
        var text = Tabbed(Ministry).Replace("\n", "\r\n", StringComparison.Ordinal);
        var table = Seed.Read(text);

        Assert.Equal("BỘ TƯ PHÁP BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", table.Title);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], table.Rows.Select(r => r.Code));
        Assert.Equal([11.5m, 13.25m, 14.5m, 12m, 9m, 10.5m, 16.75m], table.Rows.Select(r => r.Score!.Value));
        Assert.Equal(87.5m, table.ComputedTotalScore);
        Assert.Equal(100m, table.StatedTotalMax);
        Assert.Empty(OfficialTableVerifier.Verify(table));

        var deep = table.Row("1.1.2");
        Assert.Equal(["1.1.2.1", "1.1.2.2"], deep.Children.Select(c => c.Code));
        Assert.Equal(4, deep.Children[0].Level);
        Assert.Equal("Sáng kiến, giải pháp mới trong cải cách hành chính", table.Row("1.3").Title);
        Assert.Equal("1. Phần mềm quản lý\n2. Trợ lý ảo pháp luật phục vụ người dân và doanh nghiệp tra cứu văn bản", table.Row("1.3").Explanation);
        Assert.Equal(11, table.Row("1.3").SourceLine);
        Assert.Equal("Quyết định số 15/QĐ-BTP", table.Row("1.1.1").Explanation);
    }

    [Fact]
    public void A_ministrys_table_with_a_changed_deep_leaf()
    {
        var text = Tabbed(Ministry).Replace("Báo cáo kết quả thực hiện\t1\t1", "Báo cáo kết quả thực hiện\t1\t0.5", StringComparison.Ordinal);
        Assert.Equal(
            [
                new TableMismatch("1", "score", 11.5m, 11m),
                new TableMismatch("1.1", "score", 4m, 3.5m),
                new TableMismatch("1.1.2", "score", 3m, 2.5m),
                new TableMismatch("TỔNG ĐIỂM", "score", 87.5m, 87m),
            ],
            OfficialTableVerifier.Verify(Seed.Read(text)));
    }
}
