using Microsoft.AspNetCore.Http.HttpResults;

namespace ParIndex.Web.Results;

/// <summary>Results API: for signed-in staff any campaign (before publication too); for the public only published ones.</summary>
public static class ResultsEndpoints
{
    public static RouteGroupBuilder MapResultsEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var staff = api.MapGroup("/campaigns/{id:int}/results").WithTags("Results")
            .RequireAuthorization(p => p.RequireRole(Data.Accounts.Roles.Coordinator, Data.Accounts.Roles.Appraiser, Data.Accounts.Roles.CouncilChair, Data.Accounts.Roles.Administrator));
        // Served from the stored draft results of the current data (ADR 0144); "draft" says as of when.
        staff.MapGet("/", async Task<Ok<CampaignResults>> (int id, DraftResultsService drafts, CancellationToken ct) =>
            TypedResults.Ok(await drafts.CampaignAsync(id, ct)))
            .WithSummary("Kết quả kỳ đánh giá (cả khi chưa công bố): điểm, chỉ số, xếp hạng, nhóm, bình quân vùng");
        staff.MapGet("/units/{unitId:int}", async Task<Ok<UnitScoreCard>> (int id, int unitId, DraftResultsService drafts, CancellationToken ct) =>
            TypedResults.Ok(await drafts.CardAsync(id, unitId, ct)))
            .WithSummary("Kết quả một đơn vị: chỉ số thành phần, biến động, phân tích điểm bị mất");
        staff.MapGet("/export", async (int id, string? format, DraftResultsService drafts, CancellationToken ct) =>
            {
                var kind = Format(format);
                return File(kind, await drafts.ExportDocumentAsync(id, ct));
            })
            .WithSummary("Tải kết quả (format=xlsx, pdf, csv hoặc json), cả khi chưa công bố: tệp ghi \"chưa công bố\"");
        return api;
    }

    /// <summary>Anonymous endpoints under <c>/api/public</c>.</summary>
    public static IEndpointRouteBuilder MapPublicResultsEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var open = app.MapGroup("/api/public/campaigns").WithTags("Public results").AllowAnonymous();
        open.MapGet("/", async Task<Ok<IReadOnlyList<PublishedCampaign>>> (ResultsService service, CancellationToken ct) =>
            TypedResults.Ok((IReadOnlyList<PublishedCampaign>)(await service.PublishedCampaignsAsync(ct))
                .Select(c => new PublishedCampaign(c.Id, c.Name, c.Year, c.IsSample, c.PublishedAt!.Value)).ToList()))
            .WithSummary("Các kỳ đánh giá đã công bố");
        // Served from the stored results (ADR 0133); ETag and 304 by PublicResultsCaching.
        open.MapGet("/{id:int}/results", async Task<Ok<CampaignResults>> (int id, ResultSnapshotService snapshots, CancellationToken ct) =>
            TypedResults.Ok((await snapshots.CampaignAsync(id, ct)).Results))
            .WithSummary("Bảng xếp hạng đã công bố");
        open.MapGet("/{id:int}/ranking", async Task<Ok<RankingPage>> (int id, string? group, string? q, int? page, int? pageSize, ResultSnapshotService snapshots, CancellationToken ct) =>
            TypedResults.Ok(await snapshots.RankingAsync(id, group, q, page ?? 1, pageSize ?? ResultSnapshotService.DefaultPageSize, ct)))
            .WithSummary("Một trang bảng xếp hạng đã công bố của một nhóm đơn vị (group), có tìm kiếm (q)");
        open.MapGet("/{id:int}/units/{unitId:int}", async Task<Ok<UnitScoreCard>> (int id, int unitId, ResultSnapshotService snapshots, CancellationToken ct) =>
            TypedResults.Ok((await snapshots.CardAsync(id, unitId, ct)).Card))
            .WithSummary("Phiếu điểm đã công bố của một đơn vị");
        open.MapGet("/{id:int}/units/{unitId:int}/report.pdf", async (int id, int unitId, ResultSnapshotService snapshots, CancellationToken ct) =>
            {
                var card = (await snapshots.CardAsync(id, unitId, ct)).Card;
                var output = new MemoryStream();
                ParIndex.Documents.Results.ResultsReportPdfWriter.Write(ResultsReportBuilder.FromScoreCard(card), output);
                output.Position = 0;
                var name = TableDownloads.FileName("ket-qua-chi-so-cchc", card.Unit.UnitName, card.Campaign.Year, ParIndex.Documents.OfficialTables.TableFileFormat.Pdf);
                return TypedResults.File(output, "application/pdf", name);
            })
            .WithSummary("Báo cáo kết quả (PDF, có biểu đồ radar) đã công bố của một đơn vị");
        open.MapGet("/{id:int}/results/export", async (int id, string? format, ResultSnapshotService snapshots, PublicDownloadCache downloads, CancellationToken ct) =>
            {
                var file = await downloads.GetAsync(id, Format(format), snapshots, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Tải bảng xếp hạng đã công bố (format=xlsx, pdf, csv hoặc json)");
        return app;
    }

    private static ResultsExportFormat Format(string? format) => ResultsExport.ParseFormat(format ?? "xlsx")
        ?? throw new FieldValidationException("format", "Định dạng phải là xlsx, pdf, csv hoặc json.", "The format must be xlsx, pdf, csv or json.");

    /// <summary>The results file, the same as <c>parindex results export</c> writes.</summary>
    private static FileContentHttpResult File(ResultsExportFormat kind, ResultsExportDocument document)
    {
        using var output = new MemoryStream();
        ResultsExport.Write(document, kind, output);
        return TypedResults.File(output.ToArray(), ResultsExport.ContentType(kind), ResultsExport.FileName(document, kind));
    }
}

public sealed record PublishedCampaign(int Id, string Name, int Year, bool IsSample, DateTime PublishedAt);
