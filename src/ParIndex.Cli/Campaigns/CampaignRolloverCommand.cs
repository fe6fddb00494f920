using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Campaigns;
using ParIndex.Cli.Database;

namespace ParIndex.Cli.Campaigns;

/// <summary>
/// <c>parindex campaign rollover ID --year N --framework FW [--crosswalk ID] [--name NAME]</c>: the
/// year N+1 campaign from campaign ID (ADR 0125), as the rollover page does. Prints the new id (or
/// the whole result with --json); what could not be carried over goes to stderr.
/// </summary>
internal static class CampaignRolloverCommand
{
    public static Command Create()
    {
        var id = new Argument<int>("ID") { Description = "Mã số kỳ đánh giá năm trước" };
        var year = new Option<int>("--year") { Description = "Năm của kỳ mới", Required = true };
        var framework = new Option<string>("--framework") { Description = "Phiên bản bộ tiêu chí của kỳ mới: mã số bản ghi, MÃ/PHIÊN-BẢN hoặc MÃ", Required = true };
        var crosswalk = new Option<int?>("--crosswalk") { Description = "Mã số bảng chuyển mã (mặc định: bảng đã lưu giữa hai phiên bản; không cần khi giữ phiên bản)" };
        var name = new Option<string?>("--name") { Description = "Tên kỳ mới (mặc định: tên kỳ cũ với năm mới)" };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON" };
        var operatorName = CampaignCommands.OperatorOption();
        var database = new DatabaseOptions();
        var command = new Command("rollover", "Tạo kỳ đánh giá năm sau từ một kỳ: chuyển đơn vị, phân công, chỉ tiêu mẫu; gợi ý giải trình năm trước (không chuyển điểm)")
        {
            id, year, framework, crosswalk, name, json, operatorName,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            var user = CampaignCommands.Operator(parse, operatorName);
            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var campaigns = services.GetRequiredService<CampaignService>();
                if (FrameworkChoice.Resolve(parse.GetValue(framework)!, await campaigns.FrameworksAsync(cancellationToken), stderr) is not { } frameworkId)
                {
                    return 1;
                }

                var source = await campaigns.GetAsync(parse.GetValue(id), cancellationToken);
                var newYear = parse.GetValue(year);
                var newName = parse.GetValue(name) is { Length: > 0 } given ? given
                    : source.Name.Replace(source.Year.ToString(CultureInfo.InvariantCulture), newYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                var result = await services.GetRequiredService<CampaignRolloverService>().RolloverAsync(
                    source.Id, new RolloverRequest(newName, newYear, frameworkId, parse.GetValue(crosswalk), null), user, cancellationToken);
                foreach (var line in result.NotCarried)
                {
                    stderr.WriteLine("Không chuyển: " + line);
                }

                stderr.WriteLine($"Đã tạo kỳ {result.CampaignId}: {result.Units} đơn vị, {result.Assignments} phân công phối hợp, {result.AppraiserAssignments} phân công thẩm định, {result.Quotas} chỉ tiêu mẫu, {result.Suggestions} gợi ý giải trình.");
                stdout.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, UseCaseRunner.Json) : result.CampaignId.ToString(CultureInfo.InvariantCulture));
                return 0;
            }, cancellationToken);
        });
        return command;
    }
}
