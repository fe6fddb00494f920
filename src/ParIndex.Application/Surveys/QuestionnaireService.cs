using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Providers;
using ParIndex.Data.Surveys;
using ParIndex.Surveys.Demo;

namespace ParIndex.Application.Surveys;

/// <summary>
/// Questionnaires of a campaign (SPEC 2.7): one per respondent group, each stored as its canonical
/// questionnaire file and checked against the campaign's framework before anything is saved.
/// Administrator and coordinator only (the endpoints and pages check the role); writes are refused
/// once the campaign is published, and once answers were imported against the questionnaire.
/// </summary>
public sealed partial class QuestionnaireService(ParIndexDbContext db, FrameworkCache frameworks, TimeProvider clock)
{
    /// <summary>The campaigns the user may open on the survey pages: every campaign for staff, the unit's campaigns otherwise.</summary>
    public async Task<IReadOnlyList<SurveyCampaignView>> CampaignsAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var query = db.Campaigns.AsNoTracking();
        if (!user.SeesAllUnits)
        {
            var unit = user.UnitId ?? -1;
            query = query.Where(c => db.Assessments.Any(a => a.CampaignId == c.Id && a.UnitId == unit));
        }

        var list = await query
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Year,
                c.IsSample,
                Published = c.PublishedAt != null,
                Questionnaires = db.SurveyQuestionnaires.Count(q => q.CampaignId == c.Id),
                Targets = db.SurveyQuotaTargets.Count(t => t.CampaignId == c.Id),
            })
            .ToListAsync(cancellationToken);
        return list.OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new SurveyCampaignView(c.Id, c.Name, c.Year, c.IsSample, c.Published, c.Questionnaires, c.Targets))
            .ToList();
    }

    public async Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(int campaignId, CancellationToken cancellationToken)
    {
        await LoadCampaignAsync(campaignId, cancellationToken);
        var rows = await db.SurveyQuestionnaires.AsNoTracking()
            .Where(q => q.CampaignId == campaignId)
            .Select(q => new { Record = q, Batches = db.SurveyBatches.Count(b => b.QuestionnaireId == q.Id) })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Record.RespondentGroup, StringComparer.Ordinal)
            .Select(r =>
            {
                var questionnaire = Parse(r.Record);
                return new QuestionnaireSummary(r.Record.Id, campaignId, r.Record.Code, r.Record.Title, r.Record.RespondentGroup,
                    questionnaire.RespondentGroupLabel, questionnaire.Questions.Count, r.Batches, r.Record.UpdatedAt, r.Record.UpdatedBy);
            })
            .ToList();
    }

    public async Task<QuestionnaireDetail> GetAsync(int campaignId, int id, CancellationToken cancellationToken)
    {
        var record = await FindAsync(campaignId, id, cancellationToken);
        var batches = await db.SurveyBatches.CountAsync(b => b.QuestionnaireId == id, cancellationToken);
        return ToDetail(record, Parse(record), batches);
    }

    /// <summary>The stored questionnaire as the model, for the editor.</summary>
    public async Task<Questionnaire> QuestionnaireAsync(int campaignId, int id, CancellationToken cancellationToken) =>
        Parse(await FindAsync(campaignId, id, cancellationToken));

    /// <summary>The canonical questionnaire file and a file name for it.</summary>
    public async Task<(string FileName, string Json)> FileAsync(int campaignId, int id, CancellationToken cancellationToken)
    {
        var record = await FindAsync(campaignId, id, cancellationToken);
        // Written again rather than returned as stored: the file is always in today's canonical form.
        return (FileNameFor(record.Code), QuestionnaireFile.ToJson(Parse(record)));
    }

    /// <summary>The survey leaves of the campaign's framework, in framework order: what a question may score.</summary>
    public async Task<IReadOnlyList<SurveyLeafView>> SurveyLeavesAsync(int campaignId, CancellationToken cancellationToken)
    {
        var (_, framework) = await LoadCampaignAsync(campaignId, cancellationToken);
        return framework.Leaves().Where(l => l.IsSurvey).Select(l => new SurveyLeafView(l.Code, l.Title, l.Max)).ToList();
    }

    /// <summary>
    /// Imports a questionnaire file: created, or replacing the campaign's questionnaire with the same
    /// code. Every problem is reported (422) and nothing is saved when there is one.
    /// </summary>
    public async Task<QuestionnaireDetail> ImportAsync(int campaignId, Stream file, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (campaign, framework) = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var questionnaire = await ReadFileAsync(file, cancellationToken);

        var existing = await db.SurveyQuestionnaires.SingleOrDefaultAsync(q => q.CampaignId == campaignId && q.Code == questionnaire.Id, cancellationToken);
        return await SaveAsync(campaign, framework, existing, questionnaire, user, cancellationToken);
    }

    /// <summary>Creates (<paramref name="id"/> null) or replaces a questionnaire from the editor's form.</summary>
    public async Task<QuestionnaireDetail> SaveFormAsync(int campaignId, int? id, QuestionnaireForm form, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (campaign, framework) = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var existing = id is { } existingId ? await FindTrackedAsync(campaignId, existingId, cancellationToken) : null;
        var stored = existing is null ? null : Parse(existing);
        var (questionnaire, problems) = form.ToQuestionnaire(framework.Id, stored?.Campaign ?? campaign.Year.ToString(CultureInfo.InvariantCulture));
        if (questionnaire is null)
        {
            throw Rejected(problems);
        }

        return await SaveAsync(campaign, framework, existing, questionnaire, user, cancellationToken);
    }

    /// <summary>Replaces a questionnaire with a file sent to the API (its code may change).</summary>
    public async Task<QuestionnaireDetail> ReplaceAsync(int campaignId, int id, Stream file, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (campaign, framework) = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var existing = await FindTrackedAsync(campaignId, id, cancellationToken);
        var questionnaire = await ReadFileAsync(file, cancellationToken);

        return await SaveAsync(campaign, framework, existing, questionnaire, user, cancellationToken);
    }

    /// <summary>Creates the sample questionnaire (one question per survey leaf, <see cref="DemoSurvey"/>).</summary>
    public async Task<QuestionnaireDetail> CreateSampleAsync(int campaignId, CurrentUser user, CancellationToken cancellationToken)
    {
        var (campaign, framework) = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var sample = DemoSurvey.Questionnaire(framework, campaign.Year.ToString(CultureInfo.InvariantCulture));
        var existing = await db.SurveyQuestionnaires.SingleOrDefaultAsync(q => q.CampaignId == campaignId && q.Code == sample.Id, cancellationToken);
        if (existing is not null)
        {
            throw DomainException.Conflict($"Kỳ đánh giá đã có phiếu khảo sát mẫu \"{existing.Title}\".", $"The campaign already has the questionnaire \"{existing.Title}\".");
        }

        return await SaveAsync(campaign, framework, null, sample, user, cancellationToken);
    }

    public async Task DeleteAsync(int campaignId, int id, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (campaign, _) = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var record = await FindTrackedAsync(campaignId, id, cancellationToken);
        await EnsureNoBatchesAsync(record, cancellationToken);
        db.SurveyQuestionnaires.Remove(record);
        await SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Reads a questionnaire file. The bytes are buffered asynchronously first (a request body
    /// allows no synchronous reads), at most the format's size limit.
    /// </summary>
    private static async Task<Questionnaire> ReadFileAsync(Stream file, CancellationToken cancellationToken)
    {
        using var buffer = await BoundedUpload.ReadAsync(file, QuestionnaireFile.MaxBytes, () => DomainException.TooLarge(
            $"Tệp phiếu khảo sát quá lớn (giới hạn {QuestionnaireFile.MaxBytes / (1024 * 1024)} MB).", $"The questionnaire file is too large (limit {QuestionnaireFile.MaxBytes / (1024 * 1024)} MB)."), cancellationToken);
        try
        {
            return QuestionnaireFile.Read(buffer);
        }
        catch (QuestionnaireFormatException ex)
        {
            var problem = FromFormat(ex);
            throw new SurveyProblemsException($"Tệp phiếu khảo sát không đọc được ({problem.Location}): {problem.Message} Chưa có gì được lưu.", [problem],
                english: "The questionnaire file cannot be read (see problems). Nothing was saved.");
        }
    }

    private async Task<QuestionnaireDetail> SaveAsync(Campaign campaign, Framework framework, SurveyQuestionnaireRecord? existing, Questionnaire questionnaire, CurrentUser user, CancellationToken cancellationToken)
    {
        if (existing is not null)
        {
            await EnsureNoBatchesAsync(existing, cancellationToken);
        }

        var problems = QuestionnaireValidator.Validate(questionnaire, framework).Select(p => FromValidator(p, questionnaire)).ToList();
        var otherId = existing?.Id ?? 0;
        // The JSON escapes control characters; these three columns hold the raw text (PostgreSQL refuses NUL).
        var code = TextLimits.Clean(questionnaire.Id, singleLine: true).Trim();
        var group = TextLimits.Clean(questionnaire.RespondentGroup, singleLine: true).Trim();
        var title = TextLimits.Clean(questionnaire.Title, singleLine: true).Trim();
        if (code.Length > 100)
        {
            problems.Add(new SurveyProblem(null, "id", "Mã phiếu (id)", "Mã phiếu dài quá 100 ký tự."));
        }

        if (group.Length > 100)
        {
            problems.Add(new SurveyProblem(null, "respondentGroup", "Nhóm đối tượng (respondentGroup)", "Mã nhóm đối tượng dài quá 100 ký tự."));
        }

        if (title.Length is 0 or > 500)
        {
            problems.Add(new SurveyProblem(null, "title", "Tên phiếu (title)", "Tên phiếu không được để trống và không dài quá 500 ký tự."));
        }

        var others = await db.SurveyQuestionnaires.AsNoTracking()
            .Where(q => q.CampaignId == campaign.Id && q.Id != otherId)
            .Select(q => new { q.Code, q.RespondentGroup, q.Title })
            .ToListAsync(cancellationToken);
        if (others.FirstOrDefault(o => o.Code == code) is { } sameCode)
        {
            problems.Add(new SurveyProblem(null, "id", "Mã phiếu (id)", $"Kỳ đánh giá đã có phiếu mã \"{code}\" (\"{sameCode.Title}\")."));
        }

        if (others.FirstOrDefault(o => o.RespondentGroup == group) is { } sameGroup)
        {
            problems.Add(new SurveyProblem(null, "respondentGroup", "Nhóm đối tượng (respondentGroup)",
                $"Nhóm đối tượng \"{group}\" đã có phiếu \"{sameGroup.Title}\": mỗi nhóm chỉ có một phiếu trong một kỳ đánh giá."));
        }

        if (problems.Count > 0)
        {
            throw Rejected(problems);
        }

        var record = existing ?? db.SurveyQuestionnaires.Add(new SurveyQuestionnaireRecord
        {
            CampaignId = campaign.Id,
            Code = code,
            RespondentGroup = group,
            Title = "",
            Json = "",
        }).Entity;
        record.Code = code;
        record.RespondentGroup = group;
        record.Title = title;
        record.Json = QuestionnaireFile.ToJson(questionnaire);
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.UpdatedBy = user.UserName;
        await SaveOrConflictAsync(cancellationToken);
        return ToDetail(record, questionnaire, 0);
    }

    private async Task SaveOrConflictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e) || DbConflicts.IsForeignKeyViolation(e))
        {
            // A unique index (code or group) or a batch imported meanwhile (restricted foreign key).
            throw DomainException.Conflict("Phiếu khảo sát vừa được người khác thay đổi hoặc đã có câu trả lời được nhập. Chưa có gì được lưu; hãy tải lại trang.", "Someone else has just changed the questionnaire, or answers have been imported for it. Nothing was saved; reload the page.");
        }
    }

    private async Task EnsureNoBatchesAsync(SurveyQuestionnaireRecord record, CancellationToken cancellationToken)
    {
        var batches = await db.SurveyBatches.CountAsync(b => b.QuestionnaireId == record.Id, cancellationToken);
        if (batches > 0)
        {
            throw DomainException.Conflict(
                $"Phiếu khảo sát \"{record.Title}\" đã có {batches} lô câu trả lời được nhập: hãy xoá các lô đó trước khi sửa hoặc xoá phiếu.",
                $"The questionnaire \"{record.Title}\" has {batches} imported answer batches: delete them before changing or deleting the questionnaire.");
        }
    }

    /// <summary>The campaign with its parsed framework, or 404.</summary>
    internal async Task<(Campaign Campaign, Framework Framework)> LoadCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {campaignId}.", $"There is no campaign number {campaignId}.");
        return (campaign, await frameworks.GetAsync(db, campaign.FrameworkRecordId, cancellationToken));
    }

    private async Task<SurveyQuestionnaireRecord> FindAsync(int campaignId, int id, CancellationToken cancellationToken) =>
        await db.SurveyQuestionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id && q.CampaignId == campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Kỳ đánh giá số {campaignId} không có phiếu khảo sát số {id}.", $"Campaign number {campaignId} has no questionnaire number {id}.");

    private async Task<SurveyQuestionnaireRecord> FindTrackedAsync(int campaignId, int id, CancellationToken cancellationToken) =>
        await db.SurveyQuestionnaires.SingleOrDefaultAsync(q => q.Id == id && q.CampaignId == campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Kỳ đánh giá số {campaignId} không có phiếu khảo sát số {id}.", $"Campaign number {campaignId} has no questionnaire number {id}.");

    internal static Questionnaire Parse(SurveyQuestionnaireRecord record) => QuestionnaireFile.Read(record.Json);

    internal static string FileNameFor(string code) =>
        (string.Concat(code.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')) is { Length: > 0 } safe ? safe : "phieu-khao-sat") + ".json";

    private static QuestionnaireDetail ToDetail(SurveyQuestionnaireRecord record, Questionnaire questionnaire, int batches) =>
        new(record.Id, record.CampaignId, record.Code, record.Title, questionnaire.FrameworkId, record.RespondentGroup, questionnaire.RespondentGroupLabel, batches,
            questionnaire.Questions.Select(q => new QuestionView(q.Code, q.Text, q.LeafCode, q.Component, q.Scale.Kind, ScaleText.Format(q.Scale))).ToList());

    private static SurveyProblemsException Rejected(IReadOnlyList<SurveyProblem> problems) =>
        new($"Phiếu khảo sát có {problems.Count} lỗi; chưa có gì được lưu. {problems[0].Location}: {problems[0].Message}", problems,
            english: $"The questionnaire has {problems.Count} problems (see problems); nothing was saved.");

    /// <summary>A validator problem placed on its question row (<c>Q3</c> or <c>Q3/B</c>) or on a property of the questionnaire.</summary>
    internal static SurveyProblem FromValidator(QuestionnaireProblem problem, Questionnaire questionnaire)
    {
        var slash = problem.Where.IndexOf('/', StringComparison.Ordinal);
        var code = slash >= 0 ? problem.Where[..slash] : problem.Where;
        var option = slash >= 0 ? problem.Where[(slash + 1)..] : null;
        var questions = questionnaire.Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            var label = string.IsNullOrWhiteSpace(questions[i].Code) ? "(câu không mã)" : questions[i].Code;
            if (string.Equals(label, code, StringComparison.Ordinal))
            {
                var location = $"Câu hỏi thứ {i + 1} ({label})" + (option is null ? "" : $", phương án {option}");
                return new SurveyProblem(i + 1, option is null ? "leaf" : "scale", location, problem.Message);
            }
        }

        return new SurveyProblem(null, problem.Where, PropertyLabel(problem.Where), problem.Message);
    }

    internal static SurveyProblem FromFormat(QuestionnaireFormatException ex)
    {
        if (ex.Line > 0)
        {
            return new SurveyProblem(ex.Line, null, $"Dòng {ex.Line} của tệp", ex.Detail);
        }

        var match = QuestionIndex().Match(ex.Path);
        int? row = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1 : null;
        var location = row is { } r ? $"Câu hỏi thứ {r} ({ex.Path})" : ex.Path.Length == 0 ? "Tệp" : PropertyLabel(ex.Path);
        return new SurveyProblem(row, ex.Path.Length == 0 ? null : ex.Path, location, ex.Detail);
    }

    private static string PropertyLabel(string property) => property switch
    {
        "id" => "Mã phiếu (id)",
        "title" => "Tên phiếu (title)",
        "frameworkId" => "Bộ tiêu chí (frameworkId)",
        "respondentGroup" => "Nhóm đối tượng (respondentGroup)",
        "questions" => "Danh sách câu hỏi (questions)",
        "format" => "Định dạng tệp (format)",
        _ => property,
    };

    [GeneratedRegex(@"^questions\[(\d+)\]")]
    private static partial Regex QuestionIndex();
}
