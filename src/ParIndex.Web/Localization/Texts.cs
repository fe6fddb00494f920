namespace ParIndex.Web.Localization;

/// <summary>
/// The UI strings in Vietnamese (default) and English. The language is chosen with a cookie
/// (<see cref="CookieName"/>); a missing English string falls back to Vietnamese.
/// </summary>
public sealed class Texts
{
    public const string CookieName = "parindex-lang";

    private static readonly Dictionary<string, (string Vi, string En)> Strings = new(StringComparer.Ordinal)
    {
        ["AppName"] = ("Chỉ số cải cách hành chính", "Public Administration Reform Index"),
        ["Login"] = ("Đăng nhập", "Sign in"),
        ["Logout"] = ("Đăng xuất", "Sign out"),
        ["UserName"] = ("Tên đăng nhập", "User name"),
        ["Password"] = ("Mật khẩu", "Password"),
        ["LoginFailed"] = ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
        ["LockedOut"] = ("Tài khoản tạm khoá do đăng nhập sai quá 5 lần. Hãy thử lại sau 15 phút.", "The account is locked after 5 failed attempts. Try again in 15 minutes."),
        ["Home"] = ("Trang chủ", "Home"),
        ["MyAssessments"] = ("Các bản tự đánh giá", "Self-assessments"),
        ["Campaign"] = ("Kỳ đánh giá", "Campaign"),
        ["Campaigns"] = ("Kỳ đánh giá", "Campaigns"),
        ["Unit"] = ("Đơn vị", "Unit"),
        ["Units"] = ("Đơn vị", "Units"),
        ["Users"] = ("Tài khoản", "Users"),
        ["Status"] = ("Trạng thái", "Status"),
        ["Open"] = ("Mở", "Open"),
        ["Code"] = ("STT", "No."),
        ["Criterion"] = ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Field / criterion / sub-criterion"),
        ["Max"] = ("Điểm chuẩn", "Max"),
        ["SelfScore"] = ("Điểm tự đánh giá", "Self score"),
        ["Explanation"] = ("Giải trình", "Explanation"),
        ["Evidence"] = ("Tài liệu kiểm chứng", "Evidence"),
        ["Total"] = ("TỔNG ĐIỂM", "TOTAL"),
        ["SelfAssessable"] = ("trên tổng điểm tự đánh giá", "of the self-assessable maximum"),
        ["Progress"] = ("Tiến độ", "Progress"),
        ["Done"] = ("đã chấm", "done"),
        ["ToDo"] = ("còn lại", "to do"),
        ["Flagged"] = ("tiêu chí có điểm nhưng thiếu tài liệu và giải trình", "leaves claim points with neither evidence nor explanation"),
        ["NeedsJustification"] = ("Có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình", "Claims points without evidence or explanation"),
        ["Survey"] = ("Đánh giá qua điều tra xã hội học", "Scored by the sociological survey"),
        ["NotApplicable"] = ("Không áp dụng", "Not applicable"),
        ["Score"] = ("Điểm", "Score"),
        ["Level"] = ("Mức", "Level"),
        ["Save"] = ("Lưu", "Save"),
        ["Saved"] = ("Đã lưu", "Saved"),
        ["Saving"] = ("Đang lưu…", "Saving…"),
        ["Upload"] = ("Tải lên", "Upload"),
        ["DocumentNumber"] = ("Số, ký hiệu", "Document number"),
        ["DocumentDate"] = ("Ngày ban hành", "Date of issue"),
        ["Delete"] = ("Xoá", "Delete"),
        ["History"] = ("Lịch sử", "History"),
        ["Submit"] = ("Gửi bản tự đánh giá", "Submit the self-assessment"),
        ["Withdraw"] = ("Rút lại", "Withdraw"),
        ["Deadline"] = ("Hạn tự đánh giá", "Self-assessment deadline"),
        ["Locked"] = ("Chỉ xem", "Read only"),
        ["Memo"] = ("Cách tính", "Calculation"),
        ["Create"] = ("Tạo mới", "Create"),
        ["Name"] = ("Tên", "Name"),
        ["Kind"] = ("Loại", "Kind"),
        ["Parent"] = ("Cấp trên", "Parent"),
        ["Region"] = ("Vùng", "Region"),
        ["Role"] = ("Vai trò", "Role"),
        ["FullName"] = ("Họ tên", "Full name"),
        ["Year"] = ("Năm", "Year"),
        ["Framework"] = ("Bộ tiêu chí", "Framework"),
        ["Assignments"] = ("Phân công tiêu chí", "Assignments"),
        ["AssignTo"] = ("Giao cho", "Assign to"),
        ["CodePrefix"] = ("Mã lĩnh vực/tiêu chí", "Field / criterion code"),
        ["DeadlineException"] = ("Gia hạn riêng", "Deadline exception"),
        ["NoAccess"] = ("Bạn không có quyền truy cập trang này.", "You may not open this page."),
        ["NotFound"] = ("Không tìm thấy trang.", "Page not found."),
        ["Language"] = ("English", "Tiếng Việt"),
        ["Assigned"] = ("Được giao", "Assigned"),
        ["Locked.Account"] = ("Khoá", "Locked"),
        ["Points"] = ("điểm", "points"),
        // Survey (SPEC 2.7)
        ["Surveys"] = ("Khảo sát", "Surveys"),
        ["Questionnaires"] = ("Phiếu khảo sát", "Questionnaires"),
        ["Questionnaire"] = ("Phiếu khảo sát", "Questionnaire"),
        ["QuestionnaireCode"] = ("Mã phiếu", "Questionnaire code"),
        ["QuestionnaireTitle"] = ("Tên phiếu", "Title"),
        ["RespondentGroup"] = ("Nhóm đối tượng", "Respondent group"),
        ["RespondentGroupCode"] = ("Mã nhóm đối tượng", "Respondent group code"),
        ["RespondentGroupLabel"] = ("Tên nhóm đối tượng", "Respondent group name"),
        ["Questions"] = ("Câu hỏi", "Questions"),
        ["QuestionCode"] = ("Mã câu", "Code"),
        ["QuestionText"] = ("Nội dung câu hỏi", "Question"),
        ["SurveyLeaf"] = ("Tiêu chí điều tra", "Survey criterion"),
        ["SipasComponent"] = ("Thành phần SIPAS", "SIPAS component"),
        ["AnswerScale"] = ("Thang trả lời", "Answer scale"),
        ["LikertScale"] = ("Likert 1–5", "Likert 1–5"),
        ["OptionScale"] = ("Danh sách phương án", "Options"),
        ["AnswerOptions"] = ("Phương án (tỷ lệ % điểm)", "Options (% of points)"),
        ["AddQuestion"] = ("Thêm câu hỏi", "Add a question"),
        ["RemoveQuestion"] = ("Bỏ câu này", "Remove"),
        ["Edit"] = ("Sửa", "Edit"),
        ["Download"] = ("Tải về", "Download"),
        ["ImportFile"] = ("Nhập từ tệp", "Import a file"),
        ["CreateSample"] = ("Tạo phiếu mẫu (dữ liệu mẫu)", "Create the sample questionnaire (sample data)"),
        ["Batches"] = ("Lô câu trả lời", "Response batches"),
        ["UpdatedAt"] = ("Cập nhật", "Updated"),
        ["Quotas"] = ("Chỉ tiêu mẫu và tiến độ", "Sample quotas and progress"),
        ["Population"] = ("Số giao dịch N", "Transactions N"),
        ["Margin"] = ("Sai số e", "Margin e"),
        ["RequiredSample"] = ("Cỡ mẫu cần n", "Required n"),
        ["Collected"] = ("Đã thu", "Collected"),
        ["Remaining"] = ("Còn thiếu", "Remaining"),
        ["QuotaMet"] = ("Đạt", "Met"),
        ["QuotaNotMet"] = ("Chưa đạt", "Not met"),
        ["NoTarget"] = ("Chưa đặt chỉ tiêu", "No target"),
        ["Problems"] = ("Lỗi", "Problems"),
        ["Location"] = ("Vị trí", "Location"),
        ["Row"] = ("Dòng", "Row"),
        ["Column"] = ("Cột", "Column"),
        ["Message"] = ("Nội dung", "Message"),
        ["NothingSaved"] = ("Chưa có gì được lưu.", "Nothing was saved."),
        ["SurveyScore"] = ("Điểm điều tra xã hội học", "Survey score"),
    };

    public Texts(string language) => Language = language == "en" ? "en" : "vi";

    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public string Language { get; }

    public bool IsEnglish => Language == "en";

    public string this[string key] =>
        Strings.TryGetValue(key, out var s) ? (IsEnglish && s.En.Length > 0 ? s.En : s.Vi) : key;

    public static Texts For(HttpContext? context) =>
        new(context?.Request.Cookies[CookieName] ?? "vi");
}
