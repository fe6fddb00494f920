using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Application.Accounts;
using ParIndex.Application.Evidence;
using ParIndex.Application.Problems;
using ParIndex.Application.Results;
using ParIndex.Application.Workflow;
using ParIndex.Data;
using ParIndex.Data.Surveys;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Application.Surveys;

/// <summary>
/// Response files into a campaign (SPEC 2.7) through <see cref="SurveyCampaignImporter"/>: all or
/// nothing, every problem reported by row and column, the same file refused a second time; the
/// batches with their deletion; and the survey points of a unit computed from its stored answers.
/// </summary>
public sealed class SurveyImportService(
    ParIndexDbContext db,
    SurveyCampaignImporter importer,
    SurveyCampaignScorer scorer,
    QuestionnaireService questionnaires,
    IOptions<EvidenceOptions> uploadLimits)
{
    /// <summary>The largest response file accepted: the same limit as evidence uploads.</summary>
    public long MaxBytes => uploadLimits.Value.MaxBytes;

    public async Task<IReadOnlyList<SurveyBatchView>> BatchesAsync(int campaignId, CancellationToken cancellationToken)
    {
        await questionnaires.LoadCampaignAsync(campaignId, cancellationToken);
        var rows = await db.SurveyBatches.AsNoTracking().Where(b => b.CampaignId == campaignId)
            .Select(b => new { Batch = b, b.Questionnaire!.Code, b.Questionnaire.RespondentGroup })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Batch.ImportedAt).ThenByDescending(r => r.Batch.Id)
            .Select(r => ToView(r.Batch, r.Code, r.RespondentGroup)).ToList();
    }

    /// <summary>
    /// Imports one response file. Refused with 422 and the problems (row, column, message; the first
    /// 100 and the total) when the file has any, with 409 when the same file was imported before.
    /// </summary>
    public async Task<SurveyImportOutcome> ImportAsync(int campaignId, string fileName, byte[] content, SurveyImportOptions options, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(user);
        // The name is stored with the batch and shown: cleaned and cut like an evidence name.
        fileName = TextInput.FileName(fileName);
        var (campaign, _) = await questionnaires.LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var questionnaire = await db.SurveyQuestionnaires.AsNoTracking()
            .SingleOrDefaultAsync(q => q.Id == options.QuestionnaireId && q.CampaignId == campaignId, cancellationToken)
            ?? throw DomainException.Invalid("Chưa chọn phiếu khảo sát của kỳ đánh giá này.", "No questionnaire of this campaign was chosen.");
        var file = CheckFile(fileName, content);
        var mapping = Mapping(options);

        SurveyCampaignImportResult result;
        try
        {
            result = await importer.ImportAsync(campaignId, questionnaire.Id, file, mapping, user.UserName, cancellationToken);
        }
        catch (SurveyFileFormatException ex)
        {
            var row = ex.Row > 0 ? ex.Row : (int?)null;
            throw new SurveyProblemsException($"Tệp {fileName} không đọc được: {ex.Message} Không có câu trả lời nào được nhập.",
                [new SurveyProblem(row, null, row is { } r ? $"Dòng {r}" : "Tệp", ex.Message)],
                english: $"The file {fileName} cannot be read (see problems). No answers were imported.");
        }
        catch (SurveyCampaignException ex)
        {
            throw Map(ex);
        }

        switch (result.Status)
        {
            case SurveyImportStatus.AlreadyImported:
                throw DomainException.Conflict($"Tệp này (cùng nội dung, SHA-256 {result.ContentHash[..12]}…) đã được nhập vào kỳ đánh giá: không nhập lại. Muốn nhập lại, hãy xoá lô cũ trước.",
                    $"This file (same content, SHA-256 {result.ContentHash[..12]}…) was already imported into the campaign: it is not imported again. To import it again, delete the old batch first.");
            case SurveyImportStatus.Invalid:
                var problems = result.Report.Problems.Select(ToProblem).ToList();
                throw new SurveyProblemsException(
                    $"Tệp {fileName} có {result.Report.TotalProblems} lỗi: không có câu trả lời nào được nhập. {problems.FirstOrDefault()?.Location}: {problems.FirstOrDefault()?.Message}",
                    problems,
                    result.Report.TotalProblems,
                    $"The file {fileName} has {result.Report.TotalProblems} problems (see problems): no answers were imported.");
        }

        var batch = await db.SurveyBatches.AsNoTracking().SingleAsync(b => b.Id == result.BatchId, cancellationToken);
        return new SurveyImportOutcome(ToView(batch, questionnaire.Code, questionnaire.RespondentGroup),
            result.Rescore?.UnitsScored ?? 0, result.Rescore?.LeavesChanged ?? 0, result.Report.RespondentsPerUnit);
    }

    public async Task DeleteBatchAsync(int campaignId, int batchId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (campaign, _) = await questionnaires.LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        if (!await db.SurveyBatches.AnyAsync(b => b.Id == batchId && b.CampaignId == campaignId, cancellationToken))
        {
            throw DomainException.NotFound($"Kỳ đánh giá không có lô câu trả lời số {batchId}.", $"The campaign has no answer batch number {batchId}.");
        }

        try
        {
            await importer.DeleteBatchAsync(batchId, user.UserName, cancellationToken);
        }
        catch (SurveyCampaignException ex)
        {
            throw Map(ex);
        }
    }

    /// <summary>The units of the campaign the user may see survey results of (staff: all; a unit user: their own).</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Name)>> VisibleUnitsAsync(int campaignId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var units = (await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaignId)
                .Select(a => new { a.Unit!.Id, a.Unit.Code, a.Unit.Name }).ToListAsync(cancellationToken))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => (u.Id, u.Code, u.Name))
            .ToList();
        return user.SeesAllUnits ? units : units.Where(u => u.Id == user.UnitId).ToList();
    }

    /// <summary>
    /// The survey points of one unit from its stored answers: per survey leaf n, mean share and
    /// points (max × mean share), and the SIPAS per component. A unit user sees their own unit only.
    /// </summary>
    public async Task<UnitSurveyScores> UnitScoresAsync(int campaignId, int unitId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (campaign, framework) = await questionnaires.LoadCampaignAsync(campaignId, cancellationToken);
        if (!user.SeesAllUnits && user.UnitId != unitId)
        {
            throw DomainException.Forbidden("Bạn chỉ được xem kết quả khảo sát của đơn vị mình.", "You may only see the survey results of your own unit.");
        }

        var unit = await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaignId && a.UnitId == unitId)
            .Select(a => new { a.Unit!.Id, a.Unit.Code, a.Unit.Name }).SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound($"Đơn vị số {unitId} không thuộc kỳ đánh giá này.", $"Unit number {unitId} is not in this campaign.");
        // One unit's stored answers, counted by the database and scored by the core, as the import re-scores them.
        var result = await scorer.ScoreAsync(campaignId, unitId, cancellationToken);
        var byLeaf = result.Leaves.ToDictionary(l => l.LeafCode, StringComparer.Ordinal);
        var leaves = framework.Leaves().Where(l => l.IsSurvey).Select(l =>
        {
            var score = byLeaf.GetValueOrDefault(l.Code);
            return new SurveyLeafScoreView(l.Code, l.Title, l.Max, score?.ValidAnswers ?? 0, score?.InvalidAnswers ?? 0, score?.MeanShare,
                score is { ValidAnswers: > 0 } ? score.Points : null, score?.Memo.Text);
        }).ToList();
        var sipas = result.Sipas.Select(s => new SipasView(s.Component, framework.Find(s.Component)?.Title ?? s.Component, s.ValidAnswers, s.SatisfiedAnswers, s.Percent)).ToList();
        return new UnitSurveyScores(campaign.Id, unit.Id, unit.Code, unit.Name, result.TotalPoints(unit.Code), framework.SurveyMax,
            result.OverallSipasPercent(unit.Code), leaves, sipas);
    }

    /// <summary>Size and content checks before anything is read: CSV text or an XLSX workbook, within the upload limit.</summary>
    private ResponseFile CheckFile(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw DomainException.Invalid("Tệp kết quả khảo sát trống.", "The survey results file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw DomainException.TooLarge($"Tệp kết quả khảo sát quá lớn (giới hạn {FormatSize(MaxBytes)}).", $"The survey results file is too large (limit {FormatSize(MaxBytes)}).");
        }

        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        var isZip = content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;
        switch (extension)
        {
            case ".XLSX" when isZip:
                return ResponseFile.FromBytes(fileName, content, ResponseFileFormat.Xlsx);
            case ".CSV" when !isZip && !content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0):
                return ResponseFile.FromBytes(fileName, content, ResponseFileFormat.Csv);
            case ".XLSX" or ".CSV":
                throw DomainException.UnsupportedType($"Nội dung tệp {fileName} không khớp đuôi {extension.ToLowerInvariant()}: cần tệp CSV (văn bản) hoặc XLSX (bảng tính Excel).",
                    $"The content of {fileName} does not match its extension {extension.ToLowerInvariant()}: a CSV (text) or XLSX (Excel workbook) file is needed.");
            default:
                throw DomainException.UnsupportedType($"Tệp {fileName}: chỉ nhận tệp .csv hoặc .xlsx xuất từ công cụ khảo sát (LimeSurvey, KoboToolbox, ODK).",
                    $"{fileName}: only .csv or .xlsx files exported from a survey tool (LimeSurvey, KoboToolbox, ODK) are accepted.");
        }
    }

    internal static SurveyColumnMapping Mapping(SurveyImportOptions options)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var shape = Clean(options.Shape)?.ToUpperInvariant() switch
        {
            null or "WIDE" => ResponseShape.Wide,
            "LONG" => ResponseShape.Long,
            _ => throw DomainException.Invalid($"Dạng tệp \"{options.Shape}\" không hợp lệ: chọn wide (mỗi dòng một người) hoặc long (mỗi dòng một câu trả lời).",
                $"The file shape \"{options.Shape}\" is not valid: choose wide (one respondent per row) or long (one answer per row)."),
        };
        if (Clean(options.UnitColumn) is not null && Clean(options.FixedUnit) is not null)
        {
            throw DomainException.Invalid("Chọn cột đơn vị hoặc một đơn vị cố định cho cả tệp, không cả hai.", "Choose a unit column or one fixed unit for the whole file, not both.");
        }

        var mapping = new SurveyColumnMapping
        {
            Shape = shape,
            RespondentColumn = Clean(options.RespondentColumn),
            UnitColumn = Clean(options.UnitColumn),
            FixedUnit = Clean(options.FixedUnit),
            WeightColumn = Clean(options.WeightColumn),
        };
        return shape == ResponseShape.Long
            ? mapping with { QuestionColumn = Clean(options.QuestionColumn) ?? "question", AnswerColumn = Clean(options.AnswerColumn) ?? "answer" }
            : mapping;
    }

    private static SurveyProblem ToProblem(SurveyImportProblem p)
    {
        var location = p.Row > 0 ? $"Dòng {p.Row}" : "Tệp";
        if (p.Column > 0)
        {
            location += string.IsNullOrEmpty(p.ColumnName) ? $", cột {p.ColumnLetter}" : $", cột {p.ColumnLetter} ({p.ColumnName})";
        }

        return new SurveyProblem(p.Row > 0 ? p.Row : null, p.Column > 0 ? p.ColumnName ?? p.ColumnLetter : null, location, p.Message);
    }

    private static DomainException Map(SurveyCampaignException ex) => ex.Problem switch
    {
        SurveyCampaignProblem.NotFound => DomainException.NotFound(ex.Message, ex.English),
        SurveyCampaignProblem.Conflict => DomainException.Conflict(ex.Message, ex.English),
        _ => DomainException.Invalid(ex.Message, ex.English),
    };

    private static SurveyBatchView ToView(SurveyBatchRecord b, string code, string group) =>
        new(b.Id, b.QuestionnaireId, code, group, b.SourceName, b.Respondents, b.Answers, b.ImportedAt, b.ImportedBy);

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
