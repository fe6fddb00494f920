using System.Globalization;
using ParIndex.Application.Workflow;
using ParIndex.Documents.Results;

namespace ParIndex.Application.Campaigns;

/// <summary>The file formats of the campaign overview.</summary>
public enum DashboardExportFormat
{
    Xlsx,
    Pdf,
}

/// <summary>
/// The campaign overview as a file (ADR 0129): the dashboard's rows with the page's filter and
/// order, all pages, as the results tables are written — xlsx with numeric cells, title, notes and
/// a frozen filterable header; PDF on landscape A4 with the Decree 30 page setup.
/// </summary>
public static class CampaignDashboardExport
{
    public static DashboardExportFormat? ParseFormat(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => DashboardExportFormat.Xlsx,
        "pdf" => DashboardExportFormat.Pdf,
        _ => null,
    };

    public static string ContentType(DashboardExportFormat format) => format == DashboardExportFormat.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary><c>tien-do-{year}-{campaign id}.{ext}</c> (ASCII, safe on every system).</summary>
    public static string FileName(CampaignDashboardView view, DashboardExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Create(CultureInfo.InvariantCulture, $"tien-do-{view.Year}-{view.CampaignId}.{format.ToString().ToLowerInvariant()}");
    }

    public static void Write(CampaignDashboardView view, DashboardExportFormat format, Stream output)
    {
        var table = Table(view);
        if (format == DashboardExportFormat.Pdf)
        {
            ResultsPdfWriter.Write(table, output);
        }
        else
        {
            ResultsXlsxWriter.Write(table, output);
        }
    }

    /// <summary>One row per unit with the dashboard's columns, then a totals row for the campaign.</summary>
    public static ResultsTable Table(CampaignDashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var columns = new List<ResultsColumn>
        {
            new("STT", ResultsColumnKind.WholeNumber, 4),
            new("Mã đơn vị", ResultsColumnKind.Text, 8),
            new("Tên đơn vị", ResultsColumnKind.Text, 26),
            new("Loại đơn vị", ResultsColumnKind.Text),
            new("Trạng thái", ResultsColumnKind.Text, 13),
            new("Tiêu chí đã chấm", ResultsColumnKind.WholeNumber, 7),
            new("Tiêu chí phải chấm", ResultsColumnKind.WholeNumber, 7),
            new("Đã chấm (%)", ResultsColumnKind.Index, 7),
            new("Điểm hiện có", ResultsColumnKind.Points, 8),
            new("Thiếu tài liệu kiểm chứng", ResultsColumnKind.WholeNumber, 8),
            new("Phân công đã xong", ResultsColumnKind.WholeNumber, 7),
            new("Phân công", ResultsColumnKind.WholeNumber, 7),
            new("Hạn của bước hiện tại", ResultsColumnKind.Text, 11),
            new("Quá hạn", ResultsColumnKind.Text, 6),
        };
        var rows = view.Rows.Select((r, i) => (IReadOnlyList<ResultsValue>)
        [
            ResultsValue.Of(i + 1),
            ResultsValue.Of(r.UnitCode),
            ResultsValue.Of(r.UnitName),
            ResultsValue.Of(UnitKindNames.Vietnamese(r.UnitKind)),
            ResultsValue.Of(StatusLabels.Vietnamese(r.State)),
            ResultsValue.Of(r.LeavesScored),
            ResultsValue.Of(r.LeavesToScore),
            ResultsValue.Of(r.ScoredPercent),
            ResultsValue.Of(r.Points),
            ResultsValue.Of(r.MissingEvidence),
            ResultsValue.Of(r.AssignmentsFinished),
            ResultsValue.Of(r.Assignments),
            ResultsValue.Of(Deadline(r.Deadline, r.HasException)),
            ResultsValue.Of(r.Overdue ? "quá hạn" : ""),
        ]).ToList();
        var t = view.Totals;
        rows.Add(
        [
            ResultsValue.Of(""),
            ResultsValue.Of(""),
            ResultsValue.Of($"Cả kỳ đánh giá ({t.Units.ToString(CultureInfo.InvariantCulture)} đơn vị)"),
            ResultsValue.Of(""),
            ResultsValue.Of(string.Join("; ", t.States.Select(s => $"{StatusLabels.Vietnamese(s.Key)}: {s.Value.ToString(CultureInfo.InvariantCulture)}"))),
            ResultsValue.Of(t.LeavesScored),
            ResultsValue.Of(t.LeavesToScore),
            ResultsValue.Of(t.ScoredPercent),
            ResultsValue.Of(""),
            ResultsValue.Of(t.MissingEvidence),
            ResultsValue.Of(t.AssignmentsFinished),
            ResultsValue.Of(t.Assignments),
            ResultsValue.Of(""),
            ResultsValue.Of(t.Overdue > 0 ? $"{t.Overdue.ToString(CultureInfo.InvariantCulture)} đơn vị" : ""),
        ]);

        var notes = new List<string>
        {
            $"Bộ tiêu chí: {view.FrameworkTitle}. Hạn tự đánh giá: {VietnamTime(view.SelfAssessmentDeadline)}; hạn giải trình: {VietnamTime(view.ResponseDeadline)}. Số liệu lúc {VietnamTime(view.AsOf)} (giờ Việt Nam)"
                + (view.PublishedAt is { } p ? $"; đã công bố {VietnamTime(p)}." : "."),
            "Điểm hiện có: điểm cuối cùng, nếu chưa có thì điểm thẩm định, nếu chưa có thì điểm tự đánh giá, cộng điểm điều tra xã hội học đã nhập. "
                + "Thiếu tài liệu kiểm chứng: tiêu chí có điểm nhưng không có tài liệu. Phân công đã xong: mọi tiêu chí được giao đã chấm.",
        };
        if (Describe(view.Query) is { Length: > 0 } filter)
        {
            notes.Add($"Lọc: {filter}; {view.Matching.ToString(CultureInfo.InvariantCulture)} trên {view.Totals.Units.ToString(CultureInfo.InvariantCulture)} đơn vị. Dòng cuối là số liệu cả kỳ.");
        }

        if (view.IsSample)
        {
            notes.Add("Dữ liệu mẫu: kỳ đánh giá này được sinh tự động để minh hoạ.");
        }

        var title = $"Tiến độ kỳ đánh giá — {view.Name} ({view.Year.ToString(CultureInfo.InvariantCulture)})";
        return new ResultsTable(title, notes, columns, rows);
    }

    /// <summary>The filter in words, empty when every unit is shown.</summary>
    public static string Describe(DashboardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parts.Add($"tên hoặc mã có \"{query.Search.Trim()}\"");
        }

        if (query.State is { } state)
        {
            parts.Add($"trạng thái {StatusLabels.Vietnamese(state)}");
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            parts.Add(UnitKindNames.Vietnamese(query.Kind));
        }

        if (query.OverdueOnly)
        {
            parts.Add("quá hạn");
        }

        if (query.MissingEvidenceOnly)
        {
            parts.Add("thiếu tài liệu kiểm chứng");
        }

        return string.Join(", ", parts);
    }

    /// <summary>A deadline in Vietnam time, "(gia hạn riêng)" when it is the unit's exception.</summary>
    public static string Deadline(DateTime? deadline, bool isException) =>
        deadline is null ? "" : VietnamTime(deadline) + (isException ? " (gia hạn riêng)" : "");

    private static string VietnamTime(DateTime? utc) =>
        utc is { } v ? v.AddHours(7).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "chưa đặt";
}
