using ParIndex.Core.OfficialTables;

namespace ParIndex.Documents.Tests.Support;

/// <summary>
/// A table made by hand from rows of the seed (fields 1 and 3 whole, with the seed's longest
/// explanation and a URL), so the writers are tested without depending on a reader.
/// </summary>
internal static class HandMadeTables
{
    public const string LongExplanation =
        "1. Sáng kiến xây dựng App công dân Bắc Giang: Bacgiang-C hệ thống thông tin phản ánh hiện trường: thực hiện tiếp nhận và xử lý các phản ánh kiến nghị của người dân\n"
        + "2. sáng kiến “Ứng dụng công nghệ thông tin, sử dụng biển báo hiệu cấp dự báo cháy rừng tự động trong công tác dự báo cháy rừng”: Biển báo hiệu cấp dự báo cháy rừng tự động có tủ điều khiển và hộp nút nhấn, biển báo tự động thu nhận các yếu tố khí tượng, để tính toán cấp dự báo cháy rừng và điều khiển kim quay. Người quản lý có thể điều khiển biển thông qua ứng dụng trên điện thoại di động thông minh (Smart phone).\n"
        + "3. Sáng kiến ứng dụng công nghệ thông tin trong nhận diện động vật hoang dã, giúp giúp giảm thiểu thời gian, công sức và chi phí; giúp cho cán bộ, công chức làm công tác điều tra, xử lý vi phạm không mất nhiều thời gian đi lại, công sức, chi phí để xác định xem động vật đó là loài gì, thuộc họ nào, còn gì để xử lý đúng theo quy định của pháp luật.\n"
        + "4. Sáng kiến số hóa hồ sơ Người có công tại Kho lưu trữ người có công của Sở Lao động Thương binh và Xã hội (khoảng 160.000 hồ sơ), phục vụ tra cứu, giải quyết TTHC\n"
        + "5. Sáng kiến thực hiện các mô hình giải quyết TTHC nhanh tại Bộ phận Một cửa cấp huyện, cấp xã: \"Ngày thứ Sáu nhanh\", \"Ngày thứ Hai không hẹn\", \"Ngày thứ Năm ba không\", \"Người dân với dịch vụ công\", \"Ngày thứ Sáu không hẹn\", \"Ngày thứ Ba, thứ Năm làm thêm giờ\", \"3 không, 1 có: không giấy tờ, không tiếp xúc trực tiếp với cán bộ một cửa, thanh toán không dùng tiền mặt, có trả kết quả điện tử cho công dân\" ...đã giúp tăng sự hài lòng của người dân, doanh nghiệp khi thực hiện TTHC.\n"
        + "6. Triển khai ký số trong giải quyết TTHC theo quy trình “5 bước trên môi trường điện tử” đang được thực hiện phục vụ số hóa, bóc tách dữ liệu, giúp chuyển đổi toàn bộ quy trình ISO truyền thống sang nền tảng công nghệ số, tăng tính minh bạch trong giải quyết TTHC.\n"
        + "7. “Trợ lý ảo” giống như một tư vấn viên giúp giải đáp thắc mắc của người dân và doanh nghiệp về các TTHC thuộc thẩm quyền giải quyết. Trợ lý ảo tiếp nhận thông tin, phân tích câu hỏi và phản hồi chính xác những gì mà người dân và doanh nghiệp mong muốn.\n"
        + "8. Số hóa hồ sơ (Sở Lao động, Thương binh và Xã hội thực hiện số hóa hồ sơ người có công quản lý lưu trữ điện tử phục vụ giải quyết TTHC; UBND huyện Lạng Giang, Sở Giáo dục và Đào tạo thực hiện số hóa dữ liệu tốt nghiệp Trung học cơ sở để giảm thời gian giải quyết TTHC cấp bản sao giấy chứng nhận tốt nghiệp từ sổ gốc; Sở Nội vụ số hóa hồ sơ lưu trữ lại Trung tâm lưu trữ lịch sử tỉnh phục vụ tra cứu, cấp bản sao tài liệu).";

    public static OfficialTable SeedExcerpt() => new()
    {
        TitleLines =
        [
            "BIỂU TỰ ĐÁNH GIÁ",
            "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023",
            "(Kèm theo Báo cáo số /BC-UBND ngày /01/2024",
            "của Chủ tịch UBND tỉnh)",
        ],
        StatedTotalMax = 100m,
        StatedTotalScore = 65.249m,
        Rows =
        [
            Row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 9.5m, 9.5m, "",
                Row("1.1", "Thực hiện kế hoạch CCHC", 1.5m, 1.5m, "Hoàn thành 100% Kế hoạch"),
                Row("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ", 0.5m, 0.5m, "Báo cáo CCHC đảm bảo đầy đủ, đúng thời gian theo quy định"),
                Row("1.3", "Công tác kiểm tra CCHC", 2m, 2m, "",
                    Row("1.3.1", "Tỷ lệ cơ quan chuyên môn (CQCM) cấp tỉnh và đơn vị hành chính (ĐVHC) cấp huyện được kiểm tra trong năm", 1m, 1m, "Năm 2023, Thực hiện Kế hoạch số 41/KH-UBND, tỉnh Bắc Giang thực hiện kiểm tra 08 CQCM cấp tỉnh, 02 cơ quan TW đóng trên địa bàn tỉnh; 05 ĐVHC cấp huyện."),
                    Row("1.3.2", "Xử lý các vấn đề phát hiện qua kiểm tra", 1m, 1m, "Qua kiểm tra 15 CQCM, ĐVHC trên địa bàn tỉnh, các Tổ Kiểm tra đã phát hiện 66 vấn đề phải xử lý. Đến nay các đơn vị đã hoàn thành việc xử lý 66 vấn đề, đạt 100%")),
                Row("1.4", "Công tác tuyên truyền CCHC", 1m, 1m, "Tỉnh Bắc Giang thực hiện tuyên truyền CCHC thông qua các phương tiện thông tin đại chúng"),
                Row("1.5", "Sáng kiến hoặc giải pháp mới trong cải cách hành chính", 2m, 2m, LongExplanation),
                Row("1.6", "Đối thoại của lãnh đạo tỉnh với người dân, doanh nghiệp", 1m, 1m, "Trong năm 2023, UBND tỉnh Bắc Giang đã tổ chức 03 cuộc đối thoại với cộng đồng doanh nghiệp, Hội Nông dân; Đoàn Thanh niên"),
                Row("1.7", "Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao", 1.5m, 1.5m, "Trong năm 2023, UBND tỉnh Bắc Giang đã được giao 177 nhiệm vụ")),
            Row("2", "CẢI CÁCH THỂ CHẾ", 4m, 0m, "",
                Survey("2.4", "Chất lượng VBQPPL do tỉnh ban hành", 4m,
                    Survey("2.4.1", "Tính đồng bộ, thống nhất của các VBQPPL do địa phương ban hành", 1m),
                    Survey("2.4.2", "Tính hợp lý của các VBQPPL do địa phương ban hành", 1m),
                    Survey("2.4.3", "Tính khả thi của các VBQPPL do địa phương ban hành", 1m),
                    Survey("2.4.4", "Tính kịp thời phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL tại địa phương", 1m))),
            Row("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6m, 5.9829m, "",
                Row("3.1", "Kiểm soát quy định thủ tục hành chính (TTHC)", 1m, 1m, "Trong năm 2023, tỉnh Bắc Giang không ban hành thủ tục hành chính trái thẩm quyền"),
                Row("3.4", "Kết quả giải quyết hồ sơ TTHC", 5m, 4.9829m, "",
                    Row("3.4.1", "Tỷ lệ hồ sơ TTHC do CQCM cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn", 1.5m, 1.4981m, "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn cấp tỉnh đạt 99,9%, công khai trên Cổng dịch vụ công của tỉnh tại địa chỉ: https://dichvucong.bacgiang.gov.vn (Hình ảnh kèm theo)"),
                    Row("3.4.2", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận trong năm được giải quyết đúng hạn", 1.5m, 1.4922m, "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn cấp huyện đạt 99,5%"),
                    Row("3.4.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn", 1m, 0.9926m, "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn cấp xã đạt 99,3%"),
                    Row("3.4.4", "Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC", 0.25m, 0.25m, "100% hồ sơ thực hiện xin lỗi người dân đảm bảo theo quy định"),
                    Row("3.4.5", "Đánh giá chất lượng giải quyết TTHC của địa phương", 0.75m, 0.75m, "17/17 Sở, ngành xếp loại xuất sắc; 10/10 huyện, thành phố xếp loại xuất sắc"))),
        ],
    };

    private static int _line;

    private static OfficialTableRow Row(string code, string title, decimal max, decimal? score, string explanation, params OfficialTableRow[] children) => new()
    {
        Code = code,
        Title = title,
        Max = max,
        Score = score,
        Explanation = explanation,
        SourceLine = Interlocked.Increment(ref _line),
        Children = children,
    };

    private static OfficialTableRow Survey(string code, string title, decimal max, params OfficialTableRow[] children) => new()
    {
        Code = code,
        Title = title,
        Max = max,
        Score = 0m,
        Explanation = "Đánh giá qua điều tra xã hội học",
        IsSurvey = true,
        Children = children,
    };
}
