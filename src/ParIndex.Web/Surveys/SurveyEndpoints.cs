using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web.Accounts;
using ParIndex.Web.Assessments;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Surveys;

/// <summary>
/// The survey API under <c>/api/campaigns/{campaignId}/surveys</c>: questionnaires (administrator and
/// coordinator), quota targets (written by them; progress read by staff and by a unit for itself).
/// </summary>
public static class SurveyEndpoints
{
    public static RouteGroupBuilder MapSurveyEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Prefix = "/campaigns/{campaignId:int}/surveys";
        var surveys = api.MapGroup(Prefix).WithTags("Surveys");
        var manage = api.MapGroup(Prefix).WithTags("Surveys").RequireAuthorization(Policies.ManageCampaignsOrUnits);

        manage.MapGet("/questionnaires", async Task<Ok<IReadOnlyList<QuestionnaireSummary>>> (int campaignId, QuestionnaireService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(campaignId, ct)))
            .WithSummary("Các phiếu khảo sát của kỳ đánh giá");

        manage.MapGet("/leaves", async Task<Ok<IReadOnlyList<SurveyLeafView>>> (int campaignId, QuestionnaireService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SurveyLeavesAsync(campaignId, ct)))
            .WithSummary("Các tiêu chí điều tra xã hội học của bộ tiêu chí (câu hỏi gắn với chúng)");

        manage.MapGet("/questionnaires/{id:int}", async Task<Ok<QuestionnaireDetail>> (int campaignId, int id, QuestionnaireService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(campaignId, id, ct)))
            .WithSummary("Một phiếu khảo sát với các câu hỏi");

        manage.MapGet("/questionnaires/{id:int}/file", async Task<FileContentHttpResult> (int campaignId, int id, QuestionnaireService service, CancellationToken ct) =>
            {
                var (name, json) = await service.FileAsync(campaignId, id, ct);
                return TypedResults.File(new UTF8Encoding(false).GetBytes(json), "application/json", name);
            })
            .WithSummary("Tải về tệp phiếu khảo sát (parindex-questionnaire/1)");

        // The questionnaire file is JSON, so the API takes the file itself as the body.
        manage.MapPost("/questionnaires", async Task<Created<QuestionnaireDetail>> (int campaignId, HttpRequest request, ClaimsPrincipal principal, QuestionnaireService service, CancellationToken ct) =>
            {
                var created = await service.ImportAsync(campaignId, request.Body, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/campaigns/{campaignId}/surveys/questionnaires/{created.Id}", created);
            })
            .Accepts<object>("application/json")
            .WithSummary("Nhập phiếu khảo sát (thân yêu cầu là tệp parindex-questionnaire/1); thay phiếu cùng mã. 422 kèm danh sách lỗi, không lưu gì");

        manage.MapPost("/questionnaires/import", async Task<Created<QuestionnaireDetail>> (int campaignId, IFormCollection form, ClaimsPrincipal principal, QuestionnaireService service, CancellationToken ct) =>
            {
                var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null)
                    ?? throw DomainException.Invalid("Chưa chọn tệp phiếu khảo sát.", "No questionnaire file was chosen.");
                await using var stream = file.OpenReadStream();
                var created = await service.ImportAsync(campaignId, stream, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/campaigns/{campaignId}/surveys/questionnaires/{created.Id}", created);
            })
            .DisableAntiforgery()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .WithSummary("Tải lên tệp phiếu khảo sát (multipart, trường file)");

        manage.MapPost("/questionnaires/sample", async Task<Created<QuestionnaireDetail>> (int campaignId, ClaimsPrincipal principal, QuestionnaireService service, CancellationToken ct) =>
            {
                var created = await service.CreateSampleAsync(campaignId, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/campaigns/{campaignId}/surveys/questionnaires/{created.Id}", created);
            })
            .WithSummary("Tạo phiếu khảo sát mẫu (mỗi tiêu chí điều tra một câu; dữ liệu mẫu)");

        manage.MapPut("/questionnaires/{id:int}", async Task<Ok<QuestionnaireDetail>> (int campaignId, int id, HttpRequest request, ClaimsPrincipal principal, QuestionnaireService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ReplaceAsync(campaignId, id, request.Body, CurrentUser.From(principal), ct)))
            .Accepts<object>("application/json")
            .WithSummary("Thay phiếu khảo sát bằng tệp mới; 409 khi phiếu đã có câu trả lời được nhập");

        manage.MapDelete("/questionnaires/{id:int}", async Task<NoContent> (int campaignId, int id, ClaimsPrincipal principal, QuestionnaireService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(campaignId, id, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Xoá phiếu khảo sát; 409 khi phiếu đã có câu trả lời được nhập");

        surveys.MapGet("/quotas", async Task<Ok<QuotaView>> (int campaignId, int? unitId, ClaimsPrincipal principal, QuotaService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(campaignId, unitId, CurrentUser.From(principal), ct)))
            .WithSummary("Chỉ tiêu mẫu và tiến độ khảo sát theo đơn vị và nhóm đối tượng (đơn vị chỉ xem được của mình)");

        manage.MapPut("/quotas", async Task<Ok<QuotaView>> (int campaignId, IReadOnlyList<QuotaTargetRequest> targets, ClaimsPrincipal principal, QuotaService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SaveAsync(campaignId, targets, CurrentUser.From(principal), ct)))
            .WithSummary("Đặt N và sai số e cho từng đơn vị và nhóm (population null: bỏ chỉ tiêu); 422 kèm danh sách lỗi");

        manage.MapPost("/quotas/import", async Task<Ok<QuotaView>> (int campaignId, IFormCollection form, ClaimsPrincipal principal, QuotaService service, CancellationToken ct) =>
            {
                var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null)
                    ?? throw DomainException.Invalid("Chưa chọn tệp CSV chỉ tiêu mẫu.", "No sample quota CSV file was chosen.");
                if (file.Length > QuotaService.MaxCsvBytes)
                {
                    throw DomainException.TooLarge($"Tệp chỉ tiêu mẫu quá lớn (giới hạn {QuotaService.MaxCsvBytes / (1024 * 1024)} MB).", $"The sample quota file is too large (limit {QuotaService.MaxCsvBytes / (1024 * 1024)} MB).");
                }

                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(await service.ImportCsvAsync(campaignId, stream, CurrentUser.From(principal), ct));
            })
            .DisableAntiforgery()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .WithSummary("Tải lên tệp CSV chỉ tiêu mẫu (unit,group,N,e); 422 kèm dòng/cột lỗi, không lưu gì");

        manage.MapGet("/batches", async Task<Ok<IReadOnlyList<SurveyBatchView>>> (int campaignId, SurveyImportService service, CancellationToken ct) =>
            TypedResults.Ok(await service.BatchesAsync(campaignId, ct)))
            .WithSummary("Các lô câu trả lời đã nhập (tệp, số người trả lời, số câu trả lời, thời điểm, người nhập)");

        manage.MapPost("/batches", async Task<Created<SurveyImportOutcome>> (int campaignId, IFormCollection form, ClaimsPrincipal principal, SurveyImportService service, CancellationToken ct) =>
            {
                var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null)
                    ?? throw DomainException.Invalid("Chưa chọn tệp kết quả khảo sát (CSV hoặc XLSX).", "No survey results file (CSV or XLSX) was chosen.");
                if (file.Length > service.MaxBytes)
                {
                    throw DomainException.TooLarge("Tệp kết quả khảo sát vượt quá giới hạn dung lượng.", "The survey results file is larger than allowed.");
                }

                var options = new SurveyImportOptions
                {
                    QuestionnaireId = int.TryParse(form["questionnaireId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 0,
                    Shape = form["shape"],
                    RespondentColumn = form["respondentColumn"],
                    UnitColumn = form["unitColumn"],
                    FixedUnit = form["fixedUnit"],
                    WeightColumn = form["weightColumn"],
                    QuestionColumn = form["questionColumn"],
                    AnswerColumn = form["answerColumn"],
                };
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var outcome = await service.ImportAsync(campaignId, file.FileName, buffer.ToArray(), options, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/campaigns/{campaignId}/surveys/batches/{outcome.Batch.Id}", outcome);
            })
            .DisableAntiforgery()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .WithSummary("Nhập tệp kết quả khảo sát (multipart: file, questionnaireId, shape wide|long, respondentColumn, unitColumn hoặc fixedUnit, weightColumn, questionColumn, answerColumn). 422 kèm problems [{row, column, message}] và total; 409 khi tệp đã được nhập");

        manage.MapDelete("/batches/{batchId:int}", async Task<NoContent> (int campaignId, int batchId, ClaimsPrincipal principal, SurveyImportService service, CancellationToken ct) =>
            {
                await service.DeleteBatchAsync(campaignId, batchId, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Xoá một lô câu trả lời và tính lại điểm khảo sát của kỳ đánh giá");

        surveys.MapGet("/units/{unitId:int}/scores", async Task<Ok<UnitSurveyScores>> (int campaignId, int unitId, ClaimsPrincipal principal, SurveyImportService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UnitScoresAsync(campaignId, unitId, CurrentUser.From(principal), ct)))
            .WithSummary("Điểm khảo sát của một đơn vị: từng tiêu chí (n, tỷ lệ điểm bình quân, điểm) và SIPAS theo thành phần");

        return api;
    }
}
