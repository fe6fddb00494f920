using System.Globalization;
using ParIndex.Data.Assessments;

namespace ParIndex.Application.Notifications;

/// <summary>One message, in Vietnamese: its subject, plain-text body and the path it points at.</summary>
public sealed record NotificationMessage(string Subject, string Body, string Link);

/// <summary>The Vietnamese texts of each kind of notification.</summary>
internal static class NotificationMessages
{
    private const string Prefix = "[PAR INDEX] ";

    public static NotificationMessage Submitted(Assessment a, DateTime at) => new(
        $"{Prefix}{a.Unit!.Name} đã gửi bản tự đánh giá – {a.Campaign!.Name}",
        $"{a.Unit.Name} đã gửi bản tự đánh giá của kỳ đánh giá \"{a.Campaign.Name}\" lúc {VnTime(at)}. Bản đánh giá đang chờ thẩm định.",
        $"/assessments/{a.Id}/appraisal");

    public static NotificationMessage PreliminarySent(Assessment a, DateTime at) => new(
        $"{Prefix}Đã có kết quả thẩm định sơ bộ – {a.Campaign!.Name}",
        $"Kết quả thẩm định sơ bộ bản tự đánh giá của {a.Unit!.Name} (kỳ đánh giá \"{a.Campaign.Name}\") đã được gửi lúc {VnTime(at)}."
            + (a.Campaign.ResponseDeadline is { } d ? $" Hạn gửi ý kiến phản hồi: {VnTime(d)}." : " Đơn vị xem xét và gửi ý kiến phản hồi (nếu có)."),
        $"/assessments/{a.Id}/appraisal");

    public static NotificationMessage Published(Assessment a, DateTime at) => new(
        $"{Prefix}Đã công bố kết quả – {a.Campaign!.Name}",
        $"Kết quả Chỉ số cải cách hành chính của {a.Unit!.Name} (kỳ đánh giá \"{a.Campaign.Name}\") đã được công bố lúc {VnTime(at)}.",
        $"/results/{a.CampaignId}/units/{a.UnitId}");

    public static NotificationMessage SelfAssessmentDeadline(Assessment a, DateTime deadline, DateTime now) => new(
        $"{Prefix}Nhắc hạn tự đánh giá: còn {Remaining(deadline - now)} – {a.Campaign!.Name}",
        $"Bản tự đánh giá của {a.Unit!.Name} (kỳ đánh giá \"{a.Campaign.Name}\") chưa được gửi. Hạn tự đánh giá: {VnTime(deadline)} (còn {Remaining(deadline - now)}). Sau thời hạn này đơn vị không thể chỉnh sửa.",
        $"/assessments/{a.Id}");

    public static NotificationMessage ResponseDeadline(Assessment a, DateTime deadline, DateTime now) => new(
        $"{Prefix}Nhắc hạn phản hồi kết quả sơ bộ: còn {Remaining(deadline - now)} – {a.Campaign!.Name}",
        $"{a.Unit!.Name} chưa gửi ý kiến phản hồi kết quả thẩm định sơ bộ (kỳ đánh giá \"{a.Campaign.Name}\"). Hạn phản hồi: {VnTime(deadline)} (còn {Remaining(deadline - now)}).",
        $"/assessments/{a.Id}/appraisal");

    /// <summary>Deadlines are read in Vietnam time (UTC+7).</summary>
    public static string VnTime(DateTime utc) =>
        utc.AddHours(7).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (giờ Việt Nam)";

    /// <summary>"3 ngày", "5 giờ", "20 phút": rounded to the nearest whole unit (a reminder a minute after its lead time still says "1 ngày").</summary>
    public static string Remaining(TimeSpan left) => left switch
    {
        { TotalHours: >= 23 } => $"{(int)Math.Round(left.TotalDays, MidpointRounding.AwayFromZero)} ngày",
        { TotalMinutes: >= 59 } => $"{(int)Math.Round(left.TotalHours, MidpointRounding.AwayFromZero)} giờ",
        _ => $"{Math.Max(1, (int)Math.Round(left.TotalMinutes))} phút",
    };

    /// <summary>The e-mail body: the text, the link, and why the recipient gets it.</summary>
    public static string EmailText(string body, string link) =>
        $"{body}\n\nMở trên hệ thống: {link}\n\n—\nThư tự động của hệ thống PAR INDEX; vui lòng không trả lời thư này.";

    public static string EmailHtml(string body, string link)
    {
        var text = System.Net.WebUtility.HtmlEncode(body);
        var href = System.Net.WebUtility.HtmlEncode(link);
        return $"<!DOCTYPE html><html lang=\"vi\"><body><p>{text}</p><p><a href=\"{href}\">Mở trên hệ thống PAR INDEX</a></p>"
            + "<p style=\"color:#555;font-size:90%\">Thư tự động của hệ thống PAR INDEX; vui lòng không trả lời thư này.</p></body></html>";
    }
}
