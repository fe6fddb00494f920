using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Results;
using ParIndex.Cli.Database;

namespace ParIndex.Cli.Results;

/// <summary>
/// <c>parindex results export CAMPAIGN --format csv|xlsx|json|pdf -o FILE</c>: the campaign's results as
/// the web computes and downloads them (<see cref="ResultsExport"/>). The operator sees a campaign
/// before publication too, as a coordinator does; the file then says "chưa công bố". With
/// <c>--table progress</c> (xlsx or pdf) it is the coordinator's campaign overview instead, every unit
/// as the dashboard's export writes it (<see cref="CampaignDashboardExport"/>). Exit 0 written;
/// 1 no such campaign; 2 a bad command line, an existing file without <c>--force</c>, or a database
/// that cannot be used. The file is written beside the target and moved, so a failure leaves none.
/// </summary>
internal static class ResultsCommands
{
    public static Command Create() => new("results", "Kết quả kỳ đánh giá") { Export() };

    private static Command Export()
    {
        var campaign = new Argument<int>("CAMPAIGN") { Description = "Mã số (Id) kỳ đánh giá" };
        var format = new Option<string>("--format", "-f") { Description = "csv (máy đọc: UTF-8 có BOM, dấu phẩy, số dạng 12.5), xlsx (người đọc), pdf (bảng xếp hạng in, trang A4 ngang theo Nghị định 30) hoặc json", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json", "pdf");
        var output = new Option<FileInfo>("--output", "-o") { Description = "Tệp sẽ ghi", Required = true };
        var force = new Option<bool>("--force") { Description = "Ghi đè tệp nếu đã có" };
        var table = new Option<string>("--table") { Description = "ranking (kết quả, mặc định) hoặc progress (bảng tiến độ của kỳ đánh giá như trang điều hành: chỉ xlsx, pdf)", DefaultValueFactory = _ => "ranking" };
        table.AcceptOnlyFromAmong("ranking", "progress");
        var database = new DatabaseOptions();
        var command = new Command("export", "Xuất kết quả (xếp hạng, chỉ số, nhóm, điểm từng lĩnh vực, điều tra xã hội học, SIPAS, thay đổi so với kỳ trước) như trang kết quả của web")
        {
            campaign, format, output, force, table,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var target = parse.GetValue(output)!;
            if (target.Exists && !parse.GetValue(force))
            {
                stderr.WriteLine($"Lỗi: tệp '{target.FullName}' đã có; dùng --force để ghi đè. Không có gì được ghi.");
                return CliApp.UnreadableExitCode;
            }

            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            if (parse.GetValue(table) == "progress")
            {
                if (CampaignDashboardExport.ParseFormat(parse.GetValue(format)) is not { } progressFormat)
                {
                    stderr.WriteLine("Lỗi: bảng tiến độ (--table progress) chỉ xuất được xlsx hoặc pdf. Không có gì được ghi.");
                    return CliApp.UnreadableExitCode;
                }

                return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
                {
                    var view = await services.GetRequiredService<CampaignDashboard>().AllAsync(parse.GetValue(campaign), new DashboardQuery(), cancellationToken);
                    if (!WriteBesideAndMove(target, stderr, file => CampaignDashboardExport.Write(view, progressFormat, file)))
                    {
                        return CliApp.UnreadableExitCode;
                    }

                    stdout.WriteLine($"Đã xuất bảng tiến độ kỳ đánh giá số {view.CampaignId} ({view.Rows.Count} đơn vị) vào {target.FullName}.");
                    return 0;
                }, cancellationToken);
            }

            var kind = ResultsExport.ParseFormat(parse.GetValue(format))!.Value;
            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var document = await services.GetRequiredService<ResultsExport>().DocumentAsync(parse.GetValue(campaign), publicOnly: false, cancellationToken);
                if (!WriteBesideAndMove(target, stderr, file => ResultsExport.Write(document, kind, file)))
                {
                    return CliApp.UnreadableExitCode;
                }

                stdout.WriteLine($"Đã xuất kết quả kỳ đánh giá số {document.Results.CampaignId} ({document.Results.Units.Count} đơn vị"
                    + $"{(document.Published ? "" : ", " + ResultsExport.UnpublishedNotice)}) vào {target.FullName}.");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>Writes beside the target and moves it into place, so a failure leaves no file behind.</summary>
    private static bool WriteBesideAndMove(FileInfo target, TextWriter stderr, Action<Stream> write)
    {
        var temporary = target.FullName + ".partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                write(file);
            }

            File.Move(temporary, target.FullName, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không ghi được tệp '{target.FullName}': {e.Message}");
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
