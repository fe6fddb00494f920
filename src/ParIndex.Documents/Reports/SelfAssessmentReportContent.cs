using ParIndex.Core.Numbers;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Documents.Reports;

/// <summary>The report's wording, shared by the PDF and docx writers so both say the same.</summary>
internal static class SelfAssessmentReportContent
{
    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    public const string None = "Không có.";

    /// <summary>A numbered section: its heading and its paragraphs (each a paragraph of the document).</summary>
    public sealed record Section(string Heading, IReadOnlyList<string> Paragraphs);

    public static IReadOnlyList<Section> Sections(SelfAssessmentReportDocument report)
    {
        var summary = new List<string>
        {
            $"Tổng điểm tự đánh giá: {VietnameseNumbers.FormatPoints(report.TotalPoints)}/{VietnameseNumbers.FormatPoints(report.TotalMax)} điểm. Điểm từng lĩnh vực:",
        };
        summary.AddRange(report.Fields.Select(f => $"{f.Code}. {f.Title}: {VietnameseNumbers.FormatPoints(f.Points)}/{VietnameseNumbers.FormatPoints(f.Max)} điểm."));

        var gaps = report.EvidenceGaps.Count == 0
            ? [None]
            : report.EvidenceGaps.Select(g =>
                $"- Tiêu chí {g.Code}. {g.Title} ({(g.HasNoEvidence ? "chưa có tài liệu kiểm chứng" : "tài liệu kiểm chứng chưa đủ số, ngày văn bản")}). Giải trình: "
                + (g.Explanation.Trim().Length > 0 ? g.Explanation.Trim() : "chưa giải trình.")).ToList();

        return
        [
            new("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", summary),
            new("II. CÁC TIÊU CHÍ CHƯA CÓ HOẶC CHƯA ĐỦ TÀI LIỆU KIỂM CHỨNG", gaps),
            new("III. KHÓ KHĂN, VƯỚNG MẮC", Paragraphs(report.Difficulties)),
            new("IV. KIẾN NGHỊ, ĐỀ XUẤT", Paragraphs(report.Recommendations)),
        ];
    }

    /// <summary>Quyền hạn (when any), chức vụ, and the name last; dotted gaps for what is missing.</summary>
    public static IReadOnlyList<string> SignerLines(SelfAssessmentReportDocument report)
    {
        var lines = new List<string>();
        if (report.SignerAuthority.Length > 0)
        {
            lines.Add(report.SignerAuthority.ToUpperInvariant());
        }

        lines.Add(report.SignerTitle.Length > 0 ? report.SignerTitle.ToUpperInvariant() : "……………");
        lines.Add(report.SignerName.Length > 0 ? report.SignerName : "……………");
        return lines;
    }

    /// <summary>The official table headed as the report's annex.</summary>
    public static AssessmentTableDocument Annex(SelfAssessmentReportDocument report) => new()
    {
        Layout = report.Annex.Layout,
        TitleLines = ["PHỤ LỤC", .. report.Annex.TitleLines],
        ReportLines = [report.AnnexReference],
        UnitName = report.Annex.UnitName,
        Year = report.Annex.Year,
        Rows = report.Annex.Rows,
        Total = report.Annex.Total,
    };

    private static string[] Paragraphs(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return paragraphs.Length == 0 ? [None] : paragraphs;
    }
}
