using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Campaigns;

/// <summary>The campaign dashboard as JSON and as a file (coordinator), on the <see cref="CampaignDashboard"/> use case.</summary>
public static class CampaignDashboardEndpoints
{
    public static RouteGroupBuilder MapCampaignDashboardEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var dashboard = api.MapGroup("/campaigns/{id:int}/dashboard").WithTags("Campaigns").RequireAuthorization(Policies.Coordinator);
        dashboard.MapGet("/", async Task<Ok<CampaignDashboardView>> (int id, HttpRequest request, CampaignDashboard service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(id, QueryOf(request), ct)))
            .WithSummary("Tiến độ kỳ đánh giá theo đơn vị (q, state, kind, overdue, missing, sort, desc, page, size) và số liệu cả kỳ");
        dashboard.MapGet("/export", async Task<FileContentHttpResult> (int id, string? format, HttpRequest request, CampaignDashboard service, CancellationToken ct) =>
            {
                var kind = CampaignDashboardExport.ParseFormat(format ?? "xlsx")
                    ?? throw new FieldValidationException("format", "Định dạng phải là xlsx hoặc pdf.", "The format must be xlsx or pdf.");
                var view = await service.AllAsync(id, QueryOf(request), ct);
                using var output = new MemoryStream();
                CampaignDashboardExport.Write(view, kind, output);
                return TypedResults.File(output.ToArray(), CampaignDashboardExport.ContentType(kind), CampaignDashboardExport.FileName(view, kind));
            })
            .WithSummary("Tải bảng tiến độ (format=xlsx hoặc pdf) với cùng bộ lọc và thứ tự, mọi trang");
        return api;
    }

    /// <summary>The dashboard query of a request's query string (the page reads the same names).</summary>
    public static DashboardQuery QueryOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = request.Query;
        return DashboardQueryText.Parse(q["q"], q["state"], q["kind"], q["overdue"], q["missing"], q["sort"], q["desc"], q["page"], q["size"]);
    }
}
