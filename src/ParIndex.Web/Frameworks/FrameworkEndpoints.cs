using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Application.Frameworks;
using ParIndex.Core.Frameworks;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;
using ParIndex.Web.Assessments;

namespace ParIndex.Web.Frameworks;

/// <summary>
/// The framework library (ADR 0122): every signed-in user reads active and retired versions;
/// administrators and coordinators also see drafts and import, create, edit, clone, activate, retire.
/// </summary>
public static class FrameworkEndpoints
{
    public static RouteGroupBuilder MapFrameworkEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var read = api.MapGroup("/frameworks").WithTags("Frameworks");
        read.MapGet("/", async Task<Ok<IReadOnlyList<FrameworkSummary>>> (ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.ListAsync(CurrentUser.From(principal), ct)))
            .WithSummary("Thư viện bộ tiêu chí: đang áp dụng trước, rồi bản nháp (chỉ người quản lý thấy), rồi ngừng áp dụng");
        read.MapGet("/{id:int}", async Task<Ok<FrameworkDetail>> (int id, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.GetAsync(id, CurrentUser.From(principal), ct)));
        read.MapGet("/{id:int}/problems", async Task<Ok<IReadOnlyList<FrameworkProblemView>>> (int id, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.ValidateAsync(id, CurrentUser.From(principal), ct)));
        read.MapGet("/{id:int}/export", async Task<FileContentHttpResult> (int id, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
        {
            var export = await library.ExportAsync(id, CurrentUser.From(principal), ct);
            return TypedResults.File(new UTF8Encoding(false).GetBytes(export.Json), "application/json", export.FileName);
        }).WithSummary("Tải tệp bộ tiêu chí (parindex-framework/1)");
        read.MapGet("/diff", async Task<Ok<FrameworkDiffView>> (int old, int @new, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
        {
            var (older, newer, diff) = await library.DiffAsync(old, @new, CurrentUser.From(principal), ct);
            return TypedResults.Ok(new FrameworkDiffView(older, newer, diff.Added, diff.Removed,
                diff.Changed.Select(c => new FrameworkChangeView(c.Code, c.What, c.Old, c.New)).ToList(),
                diff.Renumbered.Select(r => new FrameworkRenumberingView(r.OldCode, r.NewCode)).ToList()));
        }).WithSummary("So sánh hai phiên bản: added, removed, changed, renumbered");

        var manage = api.MapGroup("/frameworks").WithTags("Frameworks").RequireAuthorization(Policies.ManageCampaignsOrUnits);
        manage.MapPost("/import", async Task<Created<FrameworkSummary>> (HttpRequest request, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            {
                var json = await ReadJsonAsync(request, ct);
                var created = await library.ImportAsync(json, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/frameworks/{created.Id}", created);
            })
            .Accepts<object>("application/json")
            .WithSummary("Nhập tệp bộ tiêu chí thành bản nháp; tệp có vấn đề bị từ chối, liệt kê mọi vấn đề (errors theo mã mục)");
        manage.MapPost("/validate", async Task<Ok<IReadOnlyList<FrameworkProblemView>>> (HttpRequest request, CancellationToken ct) =>
                TypedResults.Ok(FrameworkLibrary.ValidateFile(await ReadJsonAsync(request, ct))))
            .Accepts<object>("application/json")
            .WithSummary("Kiểm tra một tệp bộ tiêu chí mà không lưu");
        manage.MapPost("/check-leaf", Ok<LeafCheckResult> (LeafCheckRequest request) => TypedResults.Ok(FrameworkLeafCheck.Check(request)))
            .WithSummary("Tính thử một tiêu chí lá trên số liệu mẫu (diễn giải cách tính)");
        manage.MapPost("/from-table", async Task<Created<FrameworkDetail>> (IFormCollection form, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            {
                var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null)
                    ?? throw DomainException.Invalid("Chưa chọn tệp biểu.", "No table file was chosen.");
                int? year = int.TryParse(form["year"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
                await using var stream = file.OpenReadStream();
                var created = await library.CreateFromTableAsync(stream, new FrameworkFromTableRequest(form["unitKind"].ToString(), year,
                    NullIfEmpty(form["title"]), NullIfEmpty(form["frameworkId"])), CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/frameworks/{created.Summary.Id}", created);
            })
            .DisableAntiforgery()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .WithSummary("Tạo bản nháp từ biểu chính thức (văn bản, xlsx, pdf; multipart: file, unitKind, year, title, frameworkId)");
        manage.MapPost("/{id:int}/clone", async Task<Created<FrameworkSummary>> (int id, FrameworkCloneRequest request, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
        {
            var created = await library.CloneAsync(id, request, CurrentUser.From(principal), ct);
            return TypedResults.Created($"/api/frameworks/{created.Id}", created);
        }).WithSummary("Sao chép thành bản nháp mới (year: sang năm khác)");
        manage.MapPut("/{id:int}", async Task<Ok<FrameworkDetail>> (int id, FrameworkSaveRequest request, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.SaveDraftAsync(id, request, CurrentUser.From(principal), ct)))
            .WithSummary("Lưu bản nháp (cả tệp); 409 khi revision đã cũ, 409 khi không phải bản nháp");
        manage.MapPost("/{id:int}/activate", async Task<Ok<FrameworkSummary>> (int id, FrameworkStateRequest? request, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.ActivateAsync(id, request ?? new FrameworkStateRequest(), CurrentUser.From(principal), ct)))
            .WithSummary("Kích hoạt (đóng băng) bản nháp; 400 liệt kê mọi vấn đề khi chưa hợp lệ");
        manage.MapPost("/{id:int}/retire", async Task<Ok<FrameworkSummary>> (int id, FrameworkStateRequest? request, ClaimsPrincipal principal, FrameworkLibrary library, CancellationToken ct) =>
            TypedResults.Ok(await library.RetireAsync(id, request ?? new FrameworkStateRequest(), CurrentUser.From(principal), ct)))
            .WithSummary("Ngừng áp dụng một bộ đang áp dụng");
        return api;
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString();

    /// <summary>The body as text, refused above the framework file's own limit before it is all read.</summary>
    private static async Task<string> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > FrameworkFile.MaxBytes)
            {
                throw DomainException.TooLarge($"Tệp bộ tiêu chí quá lớn (giới hạn {FrameworkFile.MaxBytes / (1024 * 1024)} MB).",
                    $"The framework file is too large (limit {FrameworkFile.MaxBytes / (1024 * 1024)} MB).");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

public sealed record FrameworkDiffView(FrameworkSummary Old, FrameworkSummary New, IReadOnlyList<string> Added, IReadOnlyList<string> Removed,
    IReadOnlyList<FrameworkChangeView> Changed, IReadOnlyList<FrameworkRenumberingView> Renumbered);

public sealed record FrameworkChangeView(string Code, string What, string? Old, string? New);

public sealed record FrameworkRenumberingView(string Old, string New);
