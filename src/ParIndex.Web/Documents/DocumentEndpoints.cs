using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Documents.Fonts;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Reports;
using ParIndex.Web.Accounts;

namespace ParIndex.Web.Documents;

/// <summary>Downloads of the official tables (issue 6): xlsx, docx and pdf; the self-assessment report (issue 14).</summary>
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // PDFsharp's font setting is process-wide: install the embedded fonts once, at startup.
        PdfFontSetup.EnsureInstalled();
        var group = api.MapGroup("/assessments").WithTags("Documents");

        group.MapGet("/{id:int}/table", async (int id, string? format, ClaimsPrincipal principal, AssessmentTableDocumentBuilder builder, CancellationToken ct) =>
            {
                var fileFormat = ParseFormat(format);
                var document = await builder.SelfAssessmentAsync(id, CurrentUser.From(principal), ct);
                return File(document, fileFormat, TableDownloads.SelfAssessmentPrefix);
            })
            .WithSummary("Tải biểu tự đánh giá (format=xlsx, docx hoặc pdf)")
            .Produces(StatusCodes.Status200OK, contentType: TableDownloads.ContentType(TableFileFormat.Xlsx));

        group.MapGet("/{id:int}/appraisal-table", async (int id, string? format, ClaimsPrincipal principal, AssessmentTableDocumentBuilder builder, CancellationToken ct) =>
            {
                var fileFormat = ParseFormat(format);
                var document = await builder.AppraisalFromEntriesAsync(id, CurrentUser.From(principal), ct);
                return File(document, fileFormat, TableDownloads.AppraisalPrefix);
            })
            .WithSummary("Tải biểu tổng hợp kết quả thẩm định (format=xlsx, docx hoặc pdf)")
            .Produces(StatusCodes.Status200OK, contentType: TableDownloads.ContentType(TableFileFormat.Xlsx));

        group.MapGet("/{id:int}/report", async Task<Ok<ReportFieldsView>> (int id, ClaimsPrincipal principal, SelfAssessmentReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Các mục đơn vị điền vào báo cáo tự đánh giá (số, ngày, khó khăn, kiến nghị, nơi nhận, người ký)");

        group.MapPut("/{id:int}/report", async Task<Ok<ReportFieldsView>> (int id, ReportFieldsRequest request, ClaimsPrincipal principal, SelfAssessmentReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SaveAsync(id, request, CurrentUser.From(principal), ct)))
            .WithSummary("Lưu các mục của báo cáo tự đánh giá (kèm phiên bản đã sửa; 409 nếu người khác đã lưu trước)");

        group.MapGet("/{id:int}/report/file", async (int id, string? format, ClaimsPrincipal principal, SelfAssessmentReportService service, CancellationToken ct) =>
            {
                var fileFormat = ParseFormat(format);
                if (fileFormat == TableFileFormat.Xlsx)
                {
                    throw DomainException.Invalid("Báo cáo chỉ có bản docx hoặc pdf.", "The report comes as docx or pdf only.");
                }

                var report = await service.DocumentAsync(id, CurrentUser.From(principal), ct);
                var output = new MemoryStream();
                if (fileFormat == TableFileFormat.Pdf)
                {
                    SelfAssessmentReportPdfWriter.Write(report, output);
                }
                else
                {
                    SelfAssessmentReportDocxWriter.Write(report, output);
                }

                output.Position = 0;
                var name = TableDownloads.FileName(TableDownloads.ReportPrefix, report.UnitName, report.Year, fileFormat);
                return TypedResults.File(output, TableDownloads.ContentType(fileFormat), name);
            })
            .WithSummary("Tải báo cáo tự đánh giá theo Nghị định 30/2020/NĐ-CP, kèm biểu làm phụ lục (format=docx hoặc pdf)")
            .Produces(StatusCodes.Status200OK, contentType: TableDownloads.ContentType(TableFileFormat.Pdf));

        return group;
    }

    /// <summary>The format named in the query; a missing or unknown one is a 400 naming the accepted ones.</summary>
    internal static TableFileFormat ParseFormat(string? format) =>
        OfficialTableWriter.TryParseFormat(format, out var parsed)
            ? parsed
            : throw (string.IsNullOrWhiteSpace(format)
                ? DomainException.Invalid("Chưa chọn định dạng tệp: dùng format=xlsx, docx hoặc pdf.", "No file format was chosen: use format=xlsx, docx or pdf.")
                : DomainException.Invalid($"Định dạng \"{format}\" không được hỗ trợ: dùng format=xlsx, docx hoặc pdf.", $"The format \"{format}\" is not supported: use format=xlsx, docx or pdf."));

    private static FileStreamHttpResult File(AssessmentTableDocument document, TableFileFormat format, string prefix)
    {
        // The writers work on a seekable stream (the Open XML SDK needs one); tables are small.
        var output = new MemoryStream();
        OfficialTableWriter.Write(document, format, output);
        output.Position = 0;
        var name = TableDownloads.FileName(prefix, document.UnitName, document.Year ?? 0, format);
        return TypedResults.File(output, TableDownloads.ContentType(format), name);
    }
}
