using System.Globalization;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Documents.Reports;

/// <summary>
/// The self-assessment report (Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC) laid out as Decree
/// 30/2020/NĐ-CP lays out an administrative report: motto block, issuing body, số/ký hiệu, place
/// and date, title, content, "Nơi nhận", signature block, and the official table as its annex.
/// The fields the unit fills in may be empty: the writers leave dotted gaps to fill by hand.
/// </summary>
public sealed class SelfAssessmentReportDocument
{
    /// <summary>The body above the unit (cơ quan chủ quản), e.g. <c>UBND TỈNH BẮC GIANG</c>; empty for none.</summary>
    public string SuperiorBody { get; init; } = "";

    /// <summary>The issuing unit, e.g. <c>SỞ NỘI VỤ</c> or <c>UBND tỉnh Bắc Giang</c>.</summary>
    public required string UnitName { get; init; }

    /// <summary>Số, ký hiệu, e.g. <c>125/BC-UBND</c>.</summary>
    public string DocumentNumber { get; init; } = "";

    /// <summary>Địa danh, e.g. <c>Bắc Giang</c>.</summary>
    public string Place { get; init; } = "";

    public DateOnly? Date { get; init; }

    public required int Year { get; init; }

    /// <summary>Points per field, in framework order.</summary>
    public required IReadOnlyList<ReportField> Fields { get; init; }

    public required decimal TotalMax { get; init; }

    public required decimal TotalPoints { get; init; }

    /// <summary>Leaves that claim points without evidence or with incomplete evidence.</summary>
    public IReadOnlyList<ReportEvidenceGap> EvidenceGaps { get; init; } = [];

    public string Difficulties { get; init; } = "";

    public string Recommendations { get; init; } = "";

    /// <summary>Nơi nhận, one recipient per line.</summary>
    public string Recipients { get; init; } = "";

    /// <summary>Quyền hạn của người ký, e.g. <c>TM. ỦY BAN NHÂN DÂN</c> or <c>KT. GIÁM ĐỐC</c>; empty for none.</summary>
    public string SignerAuthority { get; init; } = "";

    /// <summary>Chức vụ, e.g. <c>CHỦ TỊCH</c>.</summary>
    public string SignerTitle { get; init; } = "";

    public string SignerName { get; init; } = "";

    /// <summary>The official table, printed as the annex.</summary>
    public required AssessmentTableDocument Annex { get; init; }

    /// <summary><c>Bắc Giang, ngày 05 tháng 01 năm 2024</c>; dotted gaps for what is not filled in.</summary>
    public string PlaceAndDate
    {
        get
        {
            var place = Place.Length > 0 ? Place : "…………";
            // Decree 30: days below 10 and months below 3 take a leading zero.
            return Date is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}")
                : $"{place}, ngày …… tháng …… năm ……";
        }
    }

    public string NumberLine => "Số: " + (DocumentNumber.Length > 0 ? DocumentNumber : "……/BC-……");

    public IReadOnlyList<string> TitleLines =>
        ["BÁO CÁO", string.Create(CultureInfo.InvariantCulture, $"Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {Year}")];

    /// <summary>The recipients as the Decree writes them: each on a line starting with "- ".</summary>
    public IReadOnlyList<string> RecipientLines =>
        Recipients.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.StartsWith('-') ? r : "- " + r).ToList();

    /// <summary>The italic line under the annex title: <c>(Kèm theo Báo cáo số 125/BC-UBND ngày 05/01/2024 …)</c>.</summary>
    public string AnnexReference =>
        "(Kèm theo Báo cáo số " + (DocumentNumber.Length > 0 ? DocumentNumber : "……") + " ngày "
        + (Date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "……") + " của " + UnitName + ")";
}

/// <summary>One field's line of the summary.</summary>
public sealed record ReportField(string Code, string Title, decimal Max, decimal Points);

/// <summary>A leaf whose evidence is missing or incomplete, with the unit's explanation.</summary>
public sealed record ReportEvidenceGap(string Code, string Title, bool HasNoEvidence, string Explanation);

/// <summary>Where the report's signature block is: the page (from 0) and the rectangle for the visible digital signature.</summary>
public readonly record struct ReportSignatureBlock(int PageIndex, ParIndex.Documents.Signing.PdfSignatureRectangle Rectangle);
