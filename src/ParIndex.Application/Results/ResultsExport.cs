using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;
using ParIndex.Documents.Results;

namespace ParIndex.Application.Results;

/// <summary>The file formats of a results export.</summary>
public enum ResultsExportFormat
{
    Csv,
    Xlsx,
    Json,

    /// <summary>The ranking's columns on landscape A4 with the Decree 30 page setup (ADR 0129).</summary>
    Pdf,
}

/// <summary>A unit's overall satisfaction index (SIPAS, percent), as its score card shows it.</summary>
public sealed record UnitSipas(int UnitId, string UnitCode, decimal? Percent);

/// <summary>
/// What a results export holds: the campaign's results exactly as the web's results API returns
/// them, each unit's overall SIPAS, and whether they are published (an unpublished export says so).
/// </summary>
public sealed record ResultsExportDocument(int FormatVersion, bool Published, string? Notice, CampaignResults Results, IReadOnlyList<UnitSipas> OverallSipas);

/// <summary>
/// The export of a campaign's results (ADR 0121) for the CLI's <c>results export</c> and the web's
/// download, from <see cref="ResultsService"/>: the same figures as the results pages, not a second
/// calculation. CSV and JSON carry invariant, unrounded numbers for machines; the xlsx carries
/// numeric cells in the official tables' formats for people.
/// </summary>
public sealed class ResultsExport(ResultsService results, DraftResultsService drafts)
{
    public const int FormatVersion = 1;

    /// <summary>The mark of results not yet published (in the JSON notice, the xlsx title and every CSV row).</summary>
    public const string UnpublishedNotice = "chưa công bố";

    /// <summary>JSON as the web API writes it (camelCase, decimals as JSON numbers), readable Vietnamese.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="publicOnly">For the public: only a published campaign, only its published units (as the public ranking).</param>
    public async Task<ResultsExportDocument> DocumentAsync(int campaignId, bool publicOnly, CancellationToken cancellationToken)
    {
        if (!publicOnly)
        {
            // Staff: the stored draft of the current data (ADR 0144), computed now only if the data changed since.
            return await drafts.ExportDocumentAsync(campaignId, cancellationToken);
        }

        var campaign = await results.CampaignAsync(campaignId, publicOnly, cancellationToken);
        var sipas = await results.OverallSipasAsync(campaignId, campaign.Units, cancellationToken);
        var published = campaign.PublishedAt is not null;
        return new ResultsExportDocument(FormatVersion, published, published ? null : UnpublishedNotice, campaign,
            campaign.Units.Select(u => new UnitSipas(u.UnitId, u.UnitCode, sipas.GetValueOrDefault(u.UnitId))).ToList());
    }

    public static void Write(ResultsExportDocument document, ResultsExportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (format)
        {
            case ResultsExportFormat.Csv:
                ResultsCsvWriter.Write(Table(document), output);
                break;
            case ResultsExportFormat.Xlsx:
                ResultsXlsxWriter.Write(Table(document), output);
                break;
            case ResultsExportFormat.Pdf:
                ResultsPdfWriter.Write(Table(document), output);
                break;
            default:
                JsonSerializer.Serialize(output, document, Json);
                break;
        }
    }

    public static string ContentType(ResultsExportFormat format) => format switch
    {
        ResultsExportFormat.Csv => "text/csv; charset=utf-8",
        ResultsExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ResultsExportFormat.Pdf => "application/pdf",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>A download name: <c>ket-qua-{year}-{campaign id}.{ext}</c> (ASCII, safe on every system).</summary>
    public static string FileName(ResultsExportDocument document, ResultsExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        return string.Create(CultureInfo.InvariantCulture, $"ket-qua-{document.Results.Year}-{document.Results.CampaignId}.{format.ToString().ToLowerInvariant()}");
    }

    /// <summary>A format name (<c>csv</c>, <c>xlsx</c>, <c>json</c>, <c>pdf</c>, any case), or null.</summary>
    public static ResultsExportFormat? ParseFormat(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "csv" => ResultsExportFormat.Csv,
        "xlsx" => ResultsExportFormat.Xlsx,
        "json" => ResultsExportFormat.Json,
        "pdf" => ResultsExportFormat.Pdf,
        _ => null,
    };

    /// <summary>
    /// One row per unit, in the ranking's order (peer group, rank): the ranking page's columns, then
    /// points and index per field, the survey part and SIPAS, the change against the previous
    /// campaign when there is one, and the publication state.
    /// </summary>
    public static ResultsTable Table(ResultsExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var r = document.Results;
        var fieldCodes = r.Units.SelectMany(u => u.Fields.Select(f => f.Code)).Distinct(StringComparer.Ordinal).ToList();
        var titles = r.FieldTitles.ToDictionary(f => f.Code, f => f.Title, StringComparer.Ordinal);
        var hasPrevious = r.PreviousCampaignId is not null;
        var columns = new List<ResultsColumn>
        {
            // The PDF keeps the public ranking's columns (weights); the per-field detail is the xlsx's.
            new("Nhóm đơn vị", ResultsColumnKind.Text, 11),
            new("Hạng", ResultsColumnKind.WholeNumber, 5),
            new("Đồng hạng", ResultsColumnKind.Text, 7),
            new("Mã đơn vị", ResultsColumnKind.Text),
            new("Tên đơn vị", ResultsColumnKind.Text, 28),
            new("Vùng", ResultsColumnKind.Text, 13),
            new("Trạng thái", ResultsColumnKind.Text),
            new("Điểm thẩm định", ResultsColumnKind.Points, 9),
            new("Điểm điều tra xã hội học", ResultsColumnKind.Points, 9),
            new("Tổng điểm", ResultsColumnKind.Points, 9),
            new("Điểm chuẩn", ResultsColumnKind.Points, 8),
            new("Chỉ số (%)", ResultsColumnKind.Index, 8),
            new("Chỉ số chưa làm tròn (%)", ResultsColumnKind.Index),
            new("Xếp nhóm", ResultsColumnKind.Text, 7),
            new("SIPAS (%)", ResultsColumnKind.Index, 8),
        };
        foreach (var code in fieldCodes)
        {
            var fieldTitle = titles.GetValueOrDefault(code, code);
            columns.Add(new($"{code} {fieldTitle}: điểm", ResultsColumnKind.Points));
            columns.Add(new($"{code} {fieldTitle}: chỉ số (%)", ResultsColumnKind.Index));
        }

        if (hasPrevious)
        {
            columns.Add(new("Chỉ số kỳ trước (%)", ResultsColumnKind.Index));
            columns.Add(new("Thay đổi chỉ số (điểm %)", ResultsColumnKind.Index));
            columns.Add(new("Hạng kỳ trước", ResultsColumnKind.WholeNumber));
            columns.Add(new("Thay đổi thứ hạng (bậc, dương là tăng)", ResultsColumnKind.WholeNumber));
        }

        columns.Add(new("Công bố", ResultsColumnKind.Text));

        var sipas = document.OverallSipas.ToDictionary(s => s.UnitId, s => s.Percent);
        var publication = document.Published ? "đã công bố" : UnpublishedNotice;
        var rows = r.Units.Select(u =>
        {
            var fields = u.Fields.ToDictionary(f => f.Code, StringComparer.Ordinal);
            var row = new List<ResultsValue>
            {
                ResultsValue.Of(UnitKindNames.Vietnamese(u.PeerGroup)),
                ResultsValue.Of(u.Rank),
                ResultsValue.Of(u.Tied ? "đồng hạng" : ""),
                ResultsValue.Of(u.UnitCode),
                ResultsValue.Of(u.UnitName),
                ResultsValue.Of(u.Region ?? ""),
                ResultsValue.Of(Enum.TryParse<AssessmentStatus>(u.Status, out var status) ? StatusLabels.Vietnamese(status) : u.Status),
                ResultsValue.Of(u.FinalPoints),
                ResultsValue.Of(u.SurveyPoints),
                ResultsValue.Of(u.Points),
                ResultsValue.Of(u.Max),
                ResultsValue.Of(u.PublishedIndex),
                ResultsValue.Of(u.Index),
                ResultsValue.Of(u.Band ?? ""),
                ResultsValue.Of(sipas.GetValueOrDefault(u.UnitId)),
            };
            foreach (var code in fieldCodes)
            {
                row.Add(ResultsValue.Of(fields.TryGetValue(code, out var f) ? f.Points : null));
                row.Add(ResultsValue.Of(fields.TryGetValue(code, out var g) ? g.Index : null));
            }

            if (hasPrevious)
            {
                row.Add(ResultsValue.Of(u.PreviousIndex));
                row.Add(ResultsValue.Of(u.IndexChange));
                row.Add(ResultsValue.Of(u.PreviousRank));
                row.Add(ResultsValue.Of(u.RankMovement));
            }

            row.Add(ResultsValue.Of(publication));
            return (IReadOnlyList<ResultsValue>)row;
        }).ToList();

        var notes = new List<string>
        {
            document.Published
                ? $"Công bố: {r.PublishedAt!.Value.AddHours(7).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} (giờ Việt Nam)"
                : "CHƯA CÔNG BỐ: kết quả tạm thời, chỉ dùng nội bộ; có thể còn thay đổi trước khi công bố.",
            "Chỉ số = điểm đạt được / điểm chuẩn × 100%; xếp hạng trong nhóm đơn vị cùng loại, đồng hạng khi chỉ số bằng nhau ở 2 chữ số thập phân."
                + (hasPrevious ? $" So sánh với kỳ: {r.PreviousCampaignName}." : ""),
        };
        if (r.SurveyNotRun)
        {
            notes.Add(CampaignResults.SurveyNotRunVietnamese);
        }

        if (r.IsSample)
        {
            notes.Add("Dữ liệu mẫu: kỳ đánh giá này được sinh tự động để minh hoạ, không phải kết quả chính thức.");
        }

        var title = $"Kết quả Chỉ số cải cách hành chính — {r.CampaignName} ({r.Year.ToString(CultureInfo.InvariantCulture)})"
            + (document.Published ? "" : $" — {UnpublishedNotice.ToUpperInvariant()}");
        return new ResultsTable(title, notes, columns, rows);
    }
}
