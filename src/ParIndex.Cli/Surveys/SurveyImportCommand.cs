using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Providers;
using ParIndex.Data.Surveys;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Cli.Surveys;

/// <summary>
/// <c>parindex survey import</c>: imports a response file into a campaign of the ParIndex database,
/// with the questionnaire stored there, all or nothing (the web app's import, without the web).
/// The database is named as the web app names it: <c>--provider</c>/<c>--connection</c>, or the
/// environment variables <c>Database__Provider</c> and <c>ConnectionStrings__ParIndex</c>.
/// Exit 0 imported, 1 problems in the file or already imported (nothing written), 2 cannot run.
/// </summary>
internal static class SurveyImportCommand
{
    public static Command Create()
    {
        var reading = new SurveyInputOptions();
        var campaign = new Option<int>("--campaign", "-c") { Description = "Mã số (Id) kỳ đánh giá", Required = true };
        var questionnaire = new Option<string>("--questionnaire", "-q") { Description = "Phiếu khảo sát đã lưu trong kỳ: mã phiếu hoặc mã nhóm đối tượng", Required = true };
        var database = new Database.DatabaseOptions();
        var user = new Option<string?>("--user") { Description = "Tên người nhập ghi vào lịch sử (mặc định: cli:<tên người dùng hệ điều hành>)" };
        var command = new Command("import", "Nhập tệp kết quả khảo sát vào một kỳ đánh giá trong cơ sở dữ liệu (tất cả hoặc không gì), rồi tính lại điểm điều tra và SIPAS")
        {
            campaign, questionnaire, user,
        };
        database.AddTo(command);
        reading.AddReadingOptionsTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = Options(database.Resolve(parse, stderr));
            var mapping = reading.Mapping(parse, stderr);
            if (options is null || mapping is null)
            {
                return SurveyCommand.Unreadable;
            }

            var path = parse.GetValue(reading.File)!;
            if (!File.Exists(path))
            {
                stderr.WriteLine($"Lỗi: không tìm thấy tệp '{path}' (file not found).");
                return SurveyCommand.Unreadable;
            }

            if (!SurveyInputOptions.TryDelimiter(parse.GetValue(reading.Delimiter), out var delimiter))
            {
                stderr.WriteLine("Lỗi: --delimiter phải là một ký tự (, ; hoặc tab).");
                return SurveyCommand.Unreadable;
            }

            var opened = ResponseFile.FromPath(path);
            var file = new ResponseFile(opened.Name, opened.Format, opened.Open) { Delimiter = delimiter, SheetName = parse.GetValue(reading.Sheet) };
            var importedBy = parse.GetValue(user) is { Length: > 0 } name ? name : "cli:" + Environment.UserName;
            return await RunAsync(options.Value, parse.GetValue(campaign), parse.GetValue(questionnaire)!, file, path, mapping,
                importedBy, parse.GetValue(reading.Json), stdout, stderr, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync((DbContextOptions<ParIndexDbContext> Db, ISurveyAnswerSinkFactory Sinks) options, int campaignId,
        string questionnaireKey, ResponseFile file, string path, SurveyColumnMapping mapping, string importedBy, bool json,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = new ParIndexDbContext(options.Db);
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
            {
                stderr.WriteLine("Lỗi: cơ sở dữ liệu chưa được cập nhật lên phiên bản mới nhất; hãy chạy ứng dụng web một lần để áp dụng migration.");
                return SurveyCommand.Unreadable;
            }

            var record = await db.SurveyQuestionnaires.AsNoTracking()
                .Where(q => q.CampaignId == campaignId && (q.Code == questionnaireKey || q.RespondentGroup == questionnaireKey))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                var known = await db.SurveyQuestionnaires.Where(q => q.CampaignId == campaignId).Select(q => q.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
                stderr.WriteLine($"Lỗi: kỳ đánh giá {campaignId} không có phiếu khảo sát '{questionnaireKey}'"
                    + (known.Count > 0 ? $" (có: {string.Join(", ", known)})." : " (kỳ này chưa có phiếu nào)."));
                return SurveyCommand.Unreadable;
            }

            var result = await new SurveyCampaignImporter(db, options.Sinks) { KeepScores = true }
                .ImportAsync(campaignId, record.Id, file, mapping, importedBy, cancellationToken).ConfigureAwait(false);
            var questionnaire = QuestionnaireFile.Read(record.Json);
            var frameworkJson = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Framework!.Json).SingleAsync(cancellationToken).ConfigureAwait(false);
            var input = new SurveyInput(path, file, questionnaire, FrameworkFile.Read(frameworkJson), mapping, json, []);
            return Report(result, input, stdout);
        }
        catch (SurveyCampaignException ex)
        {
            stderr.WriteLine($"Lỗi: {ex.Message}");
            return ex.Problem == SurveyCampaignProblem.Conflict ? SurveyCommand.HasProblems : SurveyCommand.Unreadable;
        }
        catch (SurveyFileFormatException ex)
        {
            stderr.WriteLine($"Lỗi: không đọc được tệp '{path}'. {ex.Message} Không có gì được ghi.");
            return SurveyCommand.Unreadable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không mở được tệp '{path}': {ex.Message}");
            return SurveyCommand.Unreadable;
        }
        catch (System.Data.Common.DbException ex)
        {
            stderr.WriteLine($"Lỗi cơ sở dữ liệu: {ex.Message} Không có gì được ghi.");
            return SurveyCommand.Unreadable;
        }
    }

    private static int Report(SurveyCampaignImportResult result, SurveyInput input, TextWriter stdout)
    {
        switch (result.Status)
        {
            case SurveyImportStatus.AlreadyImported:
                stdout.WriteLine($"Đã từ chối: tệp {input.Path} (SHA-256 {result.ContentHash}) đã được nhập vào kỳ đánh giá này trước đây; không ghi gì thêm.");
                return SurveyCommand.HasProblems;
            case SurveyImportStatus.Invalid:
                if (input.Json)
                {
                    SurveyJsonWriter.Write(input, result.Report, null, stdout);
                }
                else
                {
                    SurveyTextWriter.Write(input, result.Report, null, stdout);
                    stdout.WriteLine("Không có gì được ghi vào cơ sở dữ liệu.");
                }

                return SurveyCommand.HasProblems;
            default:
                var rescore = result.Rescore!;
                if (input.Json)
                {
                    SurveyJsonWriter.Write(input, result.Report, rescore.Scores!, stdout);
                }
                else
                {
                    SurveyTextWriter.Write(input, result.Report, rescore.Scores!, stdout);
                    stdout.WriteLine($"Đã nhập lô {result.BatchId}: {result.AnswersWritten} câu trả lời; đã tính lại điểm điều tra của {rescore.UnitsScored} đơn vị ({rescore.LeavesChanged} tiêu chí thay đổi) từ {rescore.AnswersRead} câu trả lời đã lưu.");
                }

                return SurveyCommand.Valid;
        }
    }

    /// <summary>The context options and answer sink of a resolved database, or null when it was not.</summary>
    internal static (DbContextOptions<ParIndexDbContext> Db, ISurveyAnswerSinkFactory Sinks)? Options(ParIndexDatabase? database) =>
        database is null ? null : (database.Options(), database.SinkFactory());
}
