using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Reports;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Reports;

/// <summary>Bắc Giang's 2023 self-assessment as a report, with every field the unit fills in.</summary>
internal static class ReportSamples
{
    public static SelfAssessmentReportDocument BacGiang(string difficulties = "Một số cơ quan chuyên môn cập nhật tài liệu kiểm chứng chậm.\nHệ thống một cửa điện tử chưa kết nối đầy đủ với cơ sở dữ liệu quốc gia.")
    {
        var annex = AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table());
        var fields = annex.Rows.Where(r => r.Level == 1).Select(r => new ReportField(r.Code, r.Title, r.Max, r.SelfScore ?? 0)).ToList();
        return new SelfAssessmentReportDocument
        {
            SuperiorBody = "",
            UnitName = "Ủy ban nhân dân tỉnh Bắc Giang",
            DocumentNumber = "12/BC-UBND",
            Place = "Bắc Giang",
            Date = new DateOnly(2024, 1, 5),
            Year = 2023,
            Fields = fields,
            TotalMax = annex.Total.Max,
            TotalPoints = annex.Total.SelfScore ?? 0,
            EvidenceGaps =
            [
                new ReportEvidenceGap("1.3.1", "Tỷ lệ cơ quan chuyên môn cấp tỉnh được kiểm tra", true, "Kế hoạch kiểm tra đang chờ ký số."),
                new ReportEvidenceGap("2.1", "Ban hành văn bản quy phạm pháp luật", false, ""),
            ],
            Difficulties = difficulties,
            Recommendations = "Đề nghị Bộ Nội vụ sớm ban hành hướng dẫn chấm điểm năm 2024.",
            Recipients = "Bộ Nội vụ (để b/c)\nTT Tỉnh ủy, TT HĐND tỉnh\nLưu: VT, NC.",
            SignerAuthority = "TM. Ủy ban nhân dân",
            SignerTitle = "Chủ tịch",
            SignerName = "Nguyễn Văn Gấu",
            Annex = annex,
        };
    }
}
