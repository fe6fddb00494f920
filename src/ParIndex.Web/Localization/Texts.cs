namespace ParIndex.Web.Localization;

/// <summary>
/// The UI strings in Vietnamese (default) and English. The language is chosen with a cookie
/// (<see cref="CookieName"/>); a missing English string falls back to Vietnamese.
/// </summary>
public sealed partial class Texts
{
    public const string CookieName = "parindex-lang";

    private static readonly Dictionary<string, (string Vi, string En)> Strings = new(StringComparer.Ordinal)
    {
        ["AppName"] = ("Chỉ số cải cách hành chính", "Public Administration Reform Index"),
        ["Login"] = ("Đăng nhập", "Sign in"),
        ["Logout"] = ("Đăng xuất", "Sign out"),
        ["Menu"] = ("Trình đơn", "Menu"),
        ["MainMenu"] = ("Trình đơn chính", "Main menu"),
        ["UserName"] = ("Tên đăng nhập", "User name"),
        ["Password"] = ("Mật khẩu", "Password"),
        ["LoginFailed"] = ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
        ["LockedOut"] = ("Tài khoản tạm khoá do đăng nhập sai quá 5 lần. Hãy thử lại sau 15 phút.", "The account is locked after 5 failed attempts. Try again in 15 minutes."),
        ["AccountDisabled"] = ("Tài khoản đã bị quản trị viên khoá. Hãy liên hệ quản trị hệ thống.", "The administrator has locked this account. Contact the system administrator."),
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
        ["Max"] = ("Điểm chuẩn", "Maximum"),
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
        ["NotSaved"] = ("Chưa lưu", "Not saved"),
        ["NotSavedInvalidNumber"] = ("Chưa lưu: hãy sửa số chưa hợp lệ", "Not saved: correct the highlighted number"),
        ["NotSavedOffline"] = ("Mất kết nối: chưa lưu", "Connection lost: not saved"),
        ["NoFileChosen"] = ("Chưa chọn tệp", "No file chosen"),
        ["Uploading"] = ("Đang tải lên…", "Uploading…"),
        ["Uploaded"] = ("Đã tải lên", "Uploaded"),
        ["Upload"] = ("Tải lên", "Upload"),
        ["DocumentNumber"] = ("Số, ký hiệu", "Document number"),
        ["DocumentDate"] = ("Ngày ban hành", "Date of issue"),
        ["Delete"] = ("Xoá", "Delete"),
        ["History"] = ("Lịch sử", "History"),
        ["Submit"] = ("Gửi bản tự đánh giá", "Submit the self-assessment"),
        ["Withdraw"] = ("Rút lại", "Withdraw"),
        ["Deadline"] = ("Hạn tự đánh giá", "Self-assessment deadline"),
        ["SurveyNotRun"] = ("Không tổ chức điều tra xã hội học", "No sociological survey"),
        ["SurveyNotRunHint"] = ("Các tiêu chí đánh giá qua điều tra xã hội học không được chấm; chỉ số của mỗi đơn vị được tính trên tổng điểm tự đánh giá tối đa, và mọi trang kết quả, tài liệu, bảng xếp hạng đều ghi rõ điều này.", "The survey criteria are not scored; each unit's index is taken over the self-assessed maximum, and every results page, document and ranking says so."),
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
        // Error pages (ADR 0108)
        ["Error.404"] = ("Không tìm thấy trang", "Page not found"),
        ["Error.404.Detail"] = ("Địa chỉ này không có trang nào, hoặc trang đã được chuyển đi. Hãy kiểm tra lại đường dẫn.", "There is no page at this address, or it has moved. Check the link."),
        ["Error.403"] = ("Không có quyền", "Access denied"),
        ["Error.403.Detail"] = ("Bạn không có quyền truy cập trang này: vai trò của bạn không được mở trang này hoặc làm việc này.", "You may not open this page: your role does not allow it."),
        ["Error.500"] = ("Lỗi hệ thống", "System error"),
        ["Error.500.Detail"] = ("Đã xảy ra lỗi không mong muốn. Dữ liệu chưa được lưu; hãy thử lại. Nếu lỗi lặp lại, hãy báo quản trị hệ thống kèm mã lỗi dưới đây.", "Something went wrong. Nothing was saved; try again. If it happens again, tell the administrator the error code below."),
        ["Error.Other"] = ("Yêu cầu không thực hiện được", "The request could not be completed"),
        ["Error.Other.Detail"] = ("Máy chủ không thể thực hiện yêu cầu này.", "The server could not complete this request."),
        ["Error.Code"] = ("Mã lỗi", "Error code"),
        ["Error.Home"] = ("Về trang chủ", "Back to the home page"),
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
        ["SurveyImport"] = ("Nhập kết quả khảo sát", "Import survey responses"),
        ["SurveyResults"] = ("Điểm khảo sát và SIPAS", "Survey points and SIPAS"),
        ["ResponseFile"] = ("Tệp kết quả (CSV/XLSX)", "Response file (CSV/XLSX)"),
        ["Shape"] = ("Dạng tệp", "Layout"),
        ["ShapeWide"] = ("Mỗi dòng một người trả lời (wide)", "One row per respondent (wide)"),
        ["ShapeLong"] = ("Mỗi dòng một câu trả lời (long)", "One row per answer (long)"),
        ["RespondentColumn"] = ("Cột mã người trả lời", "Respondent column"),
        ["UnitColumn"] = ("Cột mã đơn vị", "Unit column"),
        ["FixedUnit"] = ("Hoặc một đơn vị cho cả tệp", "Or one unit for the whole file"),
        ["WeightColumn"] = ("Cột trọng số (tuỳ chọn)", "Weight column (optional)"),
        ["QuestionColumn"] = ("Cột mã câu hỏi (long)", "Question column (long)"),
        ["AnswerColumn"] = ("Cột câu trả lời (long)", "Answer column (long)"),
        ["Respondents"] = ("Người trả lời", "Respondents"),
        ["Answers"] = ("Câu trả lời", "Answers"),
        ["ImportedAt"] = ("Thời điểm nhập", "Imported"),
        ["ImportedBy"] = ("Người nhập", "By"),
        ["MeanShare"] = ("Tỷ lệ điểm bình quân", "Mean share"),
        ["Component"] = ("Thành phần", "Component"),
        ["Satisfied"] = ("Hài lòng", "Satisfied"),
    };

    public Texts(string language) => Language = language == "en" ? "en" : "vi";

    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public string Language { get; }

    public bool IsEnglish => Language == "en";

    /// <summary>The <c>lang</c> of Vietnamese data shown on a page: "vi" in English, null (no attribute) in Vietnamese.</summary>
    public string? DataLang => IsEnglish ? "vi" : null;

    /// <summary>The wording in the page's language, for text used in one place only.</summary>
    public string L(string vi, string en) => IsEnglish ? en : vi;

    public string this[string key] =>
        Find(key, out var s) ? (IsEnglish && s.En.Length > 0 ? s.En : s.Vi) : key;

    /// <summary>Every key of every table with its two wordings (for the completeness test).</summary>
    public static IEnumerable<KeyValuePair<string, (string Vi, string En)>> All =>
        Strings.Concat(FrameworkStrings).Concat(ConsoleTexts.Strings).Concat(WorkflowStrings).Concat(PublicStrings);

    private static bool Find(string key, out (string Vi, string En) s) =>
        Strings.TryGetValue(key, out s) || FrameworkStrings.TryGetValue(key, out s) || ConsoleTexts.Strings.TryGetValue(key, out s)
        || WorkflowStrings.TryGetValue(key, out s) || PublicStrings.TryGetValue(key, out s);

    public static Texts For(HttpContext? context) =>
        new(context?.Request.Cookies[CookieName] ?? "vi");
}
