using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Accounts;
using ParIndex.Application.Admin;
using ParIndex.Application.Appraisal;
using ParIndex.Application.Campaigns;
using ParIndex.Cli.Database;
using ParIndex.Core.Workflow;

namespace ParIndex.Cli.Campaigns;

/// <summary>
/// <c>parindex campaign list|create|publish</c> on the use cases the web app calls
/// (<see cref="CampaignService"/>, <see cref="CampaignAppraisalService"/>), as the operator
/// (<see cref="CurrentUser.Operator"/>). Exit 0 done; 1 the use case refused (its message, as the
/// web shows it); 2 a bad command line or a database that cannot be used.
/// </summary>
internal static class CampaignCommands
{
    /// <summary>The most unit codes <c>--units</c> takes: the use case's own bound.</summary>
    private const int MaxUnitCodes = CampaignService.MaxUnitsPerCampaign;

    public static Command Create() => new("campaign", "Kỳ đánh giá: liệt kê, tạo, công bố kết quả (như ứng dụng web)")
    {
        List(),
        CreateCampaign(),
        Publish(),
        CampaignRolloverCommand.Create(),
    };

    /// <summary><c>--operator</c>: the name written into the history (default <c>cli:</c> and the OS user, as <c>survey import</c>).</summary>
    internal static Option<string?> OperatorOption() => new("--operator") { Description = "Tên người thực hiện ghi vào lịch sử (mặc định: cli:<tên người dùng hệ điều hành>)" };

    internal static CurrentUser Operator(ParseResult parse, Option<string?> option) =>
        CurrentUser.Operator(parse.GetValue(option) is { Length: > 0 } name ? name.Trim() : "cli:" + Environment.UserName);

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "In JSON (số là số JSON, thời điểm theo ISO 8601 UTC)" };
        var database = new DatabaseOptions();
        var command = new Command("list", "Liệt kê các kỳ đánh giá: mã số, tên, năm, bộ tiêu chí, số đơn vị theo trạng thái, thời điểm công bố") { json };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var list = await services.GetRequiredService<CampaignService>().SummariesAsync(cancellationToken);
                if (parse.GetValue(json))
                {
                    stdout.WriteLine(JsonSerializer.Serialize(list, UseCaseRunner.Json));
                }
                else
                {
                    CampaignListText.Write(list, stdout);
                }

                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command CreateCampaign()
    {
        var name = new Option<string>("--name") { Description = "Tên kỳ đánh giá", Required = true };
        var year = new Option<int>("--year") { Description = "Năm đánh giá", Required = true };
        var framework = new Option<string>("--framework")
        {
            Description = "Bộ tiêu chí: mã số bản ghi (Id, xem GET /api/frameworks), hoặc MÃ/PHIÊN-BẢN (ví dụ PAR-PROVINCE-2023/1.0), hoặc MÃ khi chỉ có một phiên bản",
            Required = true,
        };
        var units = new Option<string?>("--units") { Description = "Mã các đơn vị được đánh giá, cách nhau bởi dấu phẩy (ví dụ HNI,HCM)" };
        var unitKind = new Option<string?>("--unit-kind") { Description = "Mọi đơn vị thuộc loại này (ví dụ province); dùng thay cho --units" };
        var previous = new Option<int?>("--previous") { Description = "Mã số kỳ đánh giá năm trước để so sánh (qua bảng chuyển mã đã lưu giữa hai bộ tiêu chí)" };
        var selfDeadline = new Option<string?>("--self-assessment-deadline") { Description = "Hạn tự đánh giá yyyy-MM-dd (hết ngày đó, giờ Việt Nam)" };
        var responseDeadline = new Option<string?>("--response-deadline") { Description = "Hạn giải trình ý kiến thẩm định yyyy-MM-dd (hết ngày đó, giờ Việt Nam)" };
        var noSurvey = new Option<bool>("--no-survey") { Description = "Kỳ không tổ chức điều tra xã hội học: chỉ số tính trên tổng điểm tự đánh giá tối đa (ADR 0127)" };
        var operatorName = OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("create", "Tạo kỳ đánh giá (cùng kiểm tra và thông báo như trang web); in mã số kỳ mới")
        {
            name, year, framework, units, unitKind, previous, selfDeadline, responseDeadline, noSurvey, operatorName,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var codes = parse.GetValue(units);
            var kind = parse.GetValue(unitKind);
            if ((codes is null) == (kind is null))
            {
                stderr.WriteLine("Lỗi: cần đúng một trong hai: --units MÃ,MÃ… hoặc --unit-kind LOẠI.");
                return CliApp.UnreadableExitCode;
            }

            var unitCodes = codes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (codes is not null && (unitCodes.Length == 0 || unitCodes.Length > MaxUnitCodes))
            {
                stderr.WriteLine($"Lỗi: --units: cần từ 1 đến {MaxUnitCodes} mã đơn vị.");
                return CliApp.UnreadableExitCode;
            }

            if (!TryDate(parse.GetValue(selfDeadline), "--self-assessment-deadline", stderr, out var self)
                || !TryDate(parse.GetValue(responseDeadline), "--response-deadline", stderr, out var response)
                || database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            var user = Operator(parse, operatorName);
            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var campaigns = services.GetRequiredService<CampaignService>();
                var frameworkId = FrameworkChoice.Resolve(parse.GetValue(framework)!, await campaigns.FrameworksAsync(cancellationToken), stderr);
                if (frameworkId is null)
                {
                    return 1;
                }

                var allUnits = await services.GetRequiredService<AdminService>().UnitsAsync(cancellationToken);
                List<int> unitIds;
                if (kind is not null)
                {
                    // Every unit of the kind that still exists: merged and split units have ended (ADR 0126).
                    var lineage = services.GetRequiredService<ParIndex.Application.Units.UnitLineageService>();
                    unitIds = (await lineage.ActiveUnitsAsync(kind, lineage.Today(), cancellationToken)).Select(u => u.Id).ToList();
                    if (unitIds.Count == 0)
                    {
                        stderr.WriteLine($"Lỗi: --unit-kind: không có đơn vị nào loại \"{kind}\" (có: {string.Join(", ", allUnits.Select(u => u.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}).");
                        return 1;
                    }
                }
                else
                {
                    var byCode = allUnits.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
                    var unknown = unitCodes.Where(c => !byCode.ContainsKey(c)).ToList();
                    if (unknown.Count > 0)
                    {
                        stderr.WriteLine($"Lỗi: --units: không có đơn vị mã {string.Join(", ", unknown.Take(20))}{(unknown.Count > 20 ? $" (và {unknown.Count - 20} mã khác)" : "")}.");
                        return 1;
                    }

                    unitIds = unitCodes.Select(c => byCode[c]).ToList();
                }

                var created = await campaigns.CreateAsync(new CampaignRequest(parse.GetValue(name)!, parse.GetValue(year), frameworkId.Value, unitIds, self, parse.GetValue(noSurvey)), user, cancellationToken);
                var appraisal = services.GetRequiredService<CampaignAppraisalService>();
                if (parse.GetValue(previous) is { } previousId)
                {
                    await appraisal.SetPreviousAsync(created.Id, new PreviousCampaignRequest(previousId), user, cancellationToken);
                }

                if (response is not null)
                {
                    await appraisal.SetResponseDeadlineAsync(created.Id, response, user, cancellationToken);
                }

                stdout.WriteLine(created.Id.ToString(CultureInfo.InvariantCulture));
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Publish()
    {
        var id = new Argument<int>("ID") { Description = "Mã số kỳ đánh giá" };
        var operatorName = OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("publish", "Công bố kết quả kỳ đánh giá (mọi đơn vị phải ở trạng thái Chính thức; như nút Công bố trên web)") { id, operatorName };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            var user = Operator(parse, operatorName);
            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var count = await services.GetRequiredService<CampaignAppraisalService>().ApplyToAllAsync(parse.GetValue(id), WorkflowAction.Publish, user, cancellationToken);
                stdout.WriteLine($"Đã công bố kết quả kỳ đánh giá số {parse.GetValue(id)}: {count} đơn vị.");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>A deadline date: the end of that day in Vietnam time (the use cases take a zone-less time as UTC+7).</summary>
    private static bool TryDate(string? text, string option, TextWriter stderr, out DateTime? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            stderr.WriteLine($"Lỗi: {option}: \"{(text.Length > 40 ? text[..40] + "…" : text)}\" không phải ngày dạng yyyy-MM-dd (ví dụ 2026-03-31).");
            return false;
        }

        value = DateTime.SpecifyKind(date.AddDays(1).AddSeconds(-1), DateTimeKind.Unspecified);
        return true;
    }
}
