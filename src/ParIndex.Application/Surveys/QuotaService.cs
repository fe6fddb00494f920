using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Providers;
using ParIndex.Data.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Application.Surveys;

/// <summary>
/// Sampling quotas (SPEC 2.7): per unit of the campaign and respondent group, the population N and
/// margin e give the required sample n = N / (1 + N·e²) (<see cref="SampleSize"/>); the respondents
/// collected are the distinct respondent ids among the imported answers of that unit to the
/// questionnaire of that group. Staff see every unit; a unit user sees their own unit only.
/// </summary>
public sealed partial class QuotaService(ParIndexDbContext db)
{
    /// <summary>CSV quota files larger than this are refused.</summary>
    public const long MaxCsvBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The quota table: every unit of the campaign × every respondent group that has a questionnaire
    /// (plus any target whose group has none yet). <paramref name="unitId"/> narrows to one unit; a
    /// unit user may only ask for their own.
    /// </summary>
    public async Task<QuotaView> GetAsync(int campaignId, int? unitId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var campaign = await LoadCampaignAsync(campaignId, cancellationToken);
        var units = await CampaignUnitsAsync(campaignId, cancellationToken);
        if (!user.SeesAllUnits)
        {
            if (user.UnitId is not { } own || !units.Any(u => u.Id == own))
            {
                throw DomainException.Forbidden("Đơn vị của bạn không thuộc kỳ đánh giá này.", "Your unit is not in this campaign.");
            }

            if (unitId is { } asked && asked != own)
            {
                throw DomainException.Forbidden("Bạn chỉ được xem tiến độ khảo sát của đơn vị mình.", "You may only see the survey progress of your own unit.");
            }

            unitId = own;
        }

        if (unitId is { } only)
        {
            units = units.Where(u => u.Id == only).ToList();
            if (units.Count == 0)
            {
                throw DomainException.NotFound($"Đơn vị số {only} không thuộc kỳ đánh giá này.", $"Unit number {only} is not in this campaign.");
            }
        }

        var groups = await db.SurveyQuestionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId)
            .Select(q => new { q.RespondentGroup, q.Json }).ToListAsync(cancellationToken);
        var groupLabels = groups.ToDictionary(g => g.RespondentGroup, g => QuestionnaireFile.Read(g.Json).RespondentGroupLabel, StringComparer.Ordinal);
        var targets = await db.SurveyQuotaTargets.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync(cancellationToken);
        var collected = await CollectedAsync(campaignId, cancellationToken);

        var groupCodes = groupLabels.Keys.Concat(targets.Select(t => t.RespondentGroup)).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<QuotaRow>();
        foreach (var unit in units)
        {
            foreach (var group in groupCodes)
            {
                var target = targets.FirstOrDefault(t => t.UnitId == unit.Id && t.RespondentGroup == group);
                var count = collected.GetValueOrDefault((unit.Id, group));
                groupLabels.TryGetValue(group, out var label);
                if (target is null)
                {
                    rows.Add(new QuotaRow(null, unit.Id, unit.Code, unit.Name, group, label, null, null, null, count, null, null, null));
                    continue;
                }

                // A row no input could store (e.g. e = 0 written before the input bounds) shows its
                // N and e without a quota rather than failing the whole page.
                if (SampleSize.TryRequired(target.Population, target.Margin) is not { } required)
                {
                    rows.Add(new QuotaRow(target.Id, unit.Id, unit.Code, unit.Name, group, label, target.Population, target.Margin, null, count, null, null, null));
                    continue;
                }

                var progress = new QuotaProgress(unit.Code, group, required, count);
                rows.Add(new QuotaRow(target.Id, unit.Id, unit.Code, unit.Name, group, label, target.Population, target.Margin,
                    progress.Required, count, progress.Remaining, progress.Percent, progress.Met));
            }
        }

        return new QuotaView(campaign.Id, campaign.Name, campaign.PublishedAt is not null, rows);
    }

    /// <summary>Sets (or, with no population, removes) targets; all or nothing, every problem reported by its row.</summary>
    public async Task<QuotaView> SaveAsync(int campaignId, IReadOnlyList<QuotaTargetRequest> requests, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var campaign = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var units = await CampaignUnitsAsync(campaignId, cancellationToken);
        var groups = await GroupsAsync(campaignId, cancellationToken);
        // At most one row per unit and group: a longer list is refused before any row is checked.
        if (requests.Count > Math.Max(1, units.Count * Math.Max(1, groups.Count)))
        {
            throw new FieldValidationException("targets",
                $"Có {VietnameseNumbers.FormatPoints(requests.Count)} dòng chỉ tiêu mẫu, nhiều hơn số cặp đơn vị × nhóm đối tượng của kỳ đánh giá ({VietnameseNumbers.FormatPoints(units.Count * groups.Count)}).",
                $"There are {requests.Count} sample quota rows, more than the campaign's unit × respondent group pairs ({units.Count * groups.Count}).");
        }

        // A JSON array can hold nulls (found by the fuzz test).
        if (requests.Any(r => r is null))
        {
            throw new FieldValidationException("targets", "Danh sách chỉ tiêu mẫu có một dòng trống.", "The list of sample quotas has an empty row.");
        }

        var unitIds = units.Select(u => u.Id).ToHashSet();
        var problems = new List<SurveyProblem>();
        var seen = new HashSet<(int, string)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var row = i + 1;
            var where = $"Dòng {row}";
            if (!unitIds.Contains(r.UnitId))
            {
                problems.Add(new SurveyProblem(row, "unitId", where, $"Đơn vị số {r.UnitId} không thuộc kỳ đánh giá này."));
            }

            CheckTarget(row, where, "respondentGroup", "population", "margin", (r.RespondentGroup ?? "").Trim(), r.Population, r.Margin, groups, problems);
            if (!seen.Add((r.UnitId, (r.RespondentGroup ?? "").Trim())))
            {
                problems.Add(new SurveyProblem(row, "respondentGroup", where, "Đơn vị và nhóm đối tượng này đã có ở một dòng trước."));
            }
        }

        if (problems.Count > 0)
        {
            throw new SurveyProblemsException($"Chỉ tiêu mẫu có {problems.Count} lỗi; chưa có gì được lưu. {problems[0].Location}: {problems[0].Message}", problems,
                english: $"The sample quotas have {problems.Count} problems (see problems); nothing was saved.");
        }

        await ApplyAsync(campaignId, requests.Select(r => (r.UnitId, r.RespondentGroup.Trim(), r.Population, r.Margin)).ToList(), cancellationToken);
        return await GetAsync(campaignId, null, user, cancellationToken);
    }

    /// <summary>
    /// Saves the quota form table, whose numbers are typed text (<c>5.000</c>, <c>0,05</c>): a row
    /// without N removes its target. Rows are numbered as the table shows them.
    /// </summary>
    public async Task<QuotaView> SaveFormAsync(int campaignId, IReadOnlyList<QuotaFormRow> rows, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<SurveyProblem>();
        var requests = new List<QuotaTargetRequest>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = $"Dòng {i + 1}";
            long? population = null;
            decimal? margin = null;
            if (!string.IsNullOrWhiteSpace(row.Population))
            {
                if (QuotaInput.TryParsePopulation(row.Population, out var n))
                {
                    population = n;
                }
                else
                {
                    problems.Add(new SurveyProblem(i + 1, "N", where, $"N = \"{row.Population}\" không phải số nguyên không âm (ví dụ 5000 hoặc 5.000)."));
                }
            }

            if (!string.IsNullOrWhiteSpace(row.Margin))
            {
                if (QuotaInput.TryParseMargin(row.Margin, out var e))
                {
                    margin = e;
                }
                else
                {
                    problems.Add(new SurveyProblem(i + 1, "e", where, $"e = \"{row.Margin}\" không phải sai số hợp lệ (ví dụ 0,05 hoặc 5%)."));
                }
            }

            requests.Add(new QuotaTargetRequest(row.UnitId, row.RespondentGroup ?? "", population, margin));
        }

        if (problems.Count > 0)
        {
            throw new SurveyProblemsException($"Chỉ tiêu mẫu có {problems.Count} lỗi; chưa có gì được lưu. {problems[0].Location}: {problems[0].Message}", problems,
                english: $"The sample quotas have {problems.Count} problems (see problems); nothing was saved.");
        }

        return await SaveAsync(campaignId, requests, user, cancellationToken);
    }

    /// <summary>
    /// Reads a CSV file <c>unit,group,N,e</c> (header first; unit by code; <c>,</c>, <c>;</c> or tab
    /// as delimiter, detected) and sets its targets; all or nothing.
    /// </summary>
    public async Task<QuotaView> ImportCsvAsync(int campaignId, Stream csv, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var campaign = await LoadCampaignAsync(campaignId, cancellationToken);
        EditLocks.EnsureOpen(campaign);
        var units = await CampaignUnitsAsync(campaignId, cancellationToken);
        var groups = await GroupsAsync(campaignId, cancellationToken);
        var problems = new List<SurveyProblem>();
        var parsed = new List<(int UnitId, string Group, long? Population, decimal? Margin)>();
        var seen = new Dictionary<(int, string), int>();
        using var bounded = new MemoryStream();
        await csv.CopyToAsync(bounded, cancellationToken);
        if (bounded.Length > MaxCsvBytes)
        {
            throw DomainException.TooLarge($"Tệp chỉ tiêu mẫu quá lớn (giới hạn {MaxCsvBytes / (1024 * 1024)} MB).", $"The sample quota file is too large (limit {MaxCsvBytes / (1024 * 1024)} MB).");
        }

        bounded.Position = 0;
        using var reader = new CsvRecordReader(new StreamReader(bounded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
        List<string>? headerNames = null;

        // A quote left open ends the file: refused with its row and cell, as every other problem.
        bool Next()
        {
            try
            {
                return reader.Read();
            }
            catch (SurveyFileFormatException ex)
            {
                var column = ex.Column > 0 && headerNames is not null && ex.Column <= headerNames.Count ? headerNames[ex.Column - 1]
                    : ex.Column > 0 ? SurveyImportProblem.Letter(ex.Column) : null;
                var location = column is null ? $"Dòng {ex.Row}" : $"Dòng {ex.Row}, cột {column}";
                throw new SurveyProblemsException($"Tệp chỉ tiêu mẫu không đọc được; chưa có gì được lưu. {ex.Message}",
                    [new SurveyProblem(ex.Row > 0 ? ex.Row : null, column, location, ex.Message)],
                    english: "The sample quota file cannot be read (see problems); nothing was saved.");
            }
        }

        if (!Next())
        {
            throw new SurveyProblemsException("Tệp chỉ tiêu mẫu trống; chưa có gì được lưu.", [new SurveyProblem(1, null, "Dòng 1", "Tệp trống: cần dòng tiêu đề unit,group,N,e.")],
                english: "The sample quota file is empty (a header row unit,group,N,e is needed); nothing was saved.");
        }

        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].Trim().ToString()).ToList();
        headerNames = header;
        int Column(params string[] names) => header.FindIndex(h => names.Any(n => string.Equals(h, n, StringComparison.OrdinalIgnoreCase)));
        var unitColumn = Column("unit", "don_vi", "ma_don_vi", "đơn vị");
        var groupColumn = Column("group", "nhom", "nhóm", "respondentGroup");
        var populationColumn = Column("N", "population");
        var marginColumn = Column("e", "margin", "sai_so", "sai số");
        foreach (var (index, name) in new[] { (unitColumn, "unit"), (groupColumn, "group"), (populationColumn, "N"), (marginColumn, "e") })
        {
            if (index < 0)
            {
                problems.Add(new SurveyProblem(1, name, $"Dòng 1, cột {name}", $"Thiếu cột \"{name}\" trong dòng tiêu đề (cần: unit,group,N,e)."));
            }
        }

        if (problems.Count > 0)
        {
            throw new SurveyProblemsException($"Tệp chỉ tiêu mẫu thiếu cột; chưa có gì được lưu. {problems[0].Message}", problems,
                english: "The sample quota file lacks columns (needed: unit,group,N,e); nothing was saved.");
        }

        while (Next())
        {
            string Cell(int i) => i < reader.FieldCount ? reader[i].Trim().ToString() : "";
            if (Enumerable.Range(0, reader.FieldCount).All(i => reader[i].Trim().IsEmpty))
            {
                continue;
            }

            var row = reader.RecordNumber;
            var unitCode = Cell(unitColumn);
            var unit = units.FirstOrDefault(u => string.Equals(u.Code, unitCode, StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                problems.Add(new SurveyProblem(row, "unit", $"Dòng {row}, cột unit", $"Đơn vị \"{unitCode}\" không thuộc kỳ đánh giá này."));
            }

            var group = Cell(groupColumn);
            long? population = null;
            decimal? margin = null;
            var populationText = Cell(populationColumn);
            if (populationText.Length > 0)
            {
                population = QuotaInput.TryParsePopulation(populationText, out var n) ? n : null;
                if (population is null)
                {
                    problems.Add(new SurveyProblem(row, "N", $"Dòng {row}, cột N", $"\"{populationText}\" không phải số nguyên không âm (ví dụ 5000 hoặc 5.000)."));
                    continue;
                }
            }

            var marginText = Cell(marginColumn);
            if (marginText.Length > 0)
            {
                margin = QuotaInput.TryParseMargin(marginText, out var e) ? e : null;
                if (margin is null)
                {
                    problems.Add(new SurveyProblem(row, "e", $"Dòng {row}, cột e", $"\"{marginText}\" không phải sai số hợp lệ (ví dụ 0,05 hoặc 5%)."));
                    continue;
                }
            }

            CheckTarget(row, $"Dòng {row}", "group", "N", "e", group, population, margin, groups, problems, columnWords: true);
            if (unit is not null)
            {
                if (seen.TryGetValue((unit.Id, group), out var first))
                {
                    problems.Add(new SurveyProblem(row, "group", $"Dòng {row}, cột group", $"Đơn vị {unit.Code} và nhóm \"{group}\" đã có ở dòng {first}."));
                }
                else
                {
                    seen.Add((unit.Id, group), row);
                    parsed.Add((unit.Id, group, population, margin));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new SurveyProblemsException($"Tệp chỉ tiêu mẫu có {problems.Count} lỗi; chưa có gì được lưu. {problems[0].Location}: {problems[0].Message}", problems,
                english: $"The sample quota file has {problems.Count} problems (see problems); nothing was saved.");
        }

        await ApplyAsync(campaignId, parsed, cancellationToken);
        return await GetAsync(campaignId, null, user, cancellationToken);
    }

    private static void CheckTarget(int row, string where, string groupColumn, string populationColumn, string marginColumn, string group, long? population, decimal? margin,
        IReadOnlySet<string> groups, List<SurveyProblem> problems, bool columnWords = false)
    {
        string At(string column) => columnWords ? $"{where}, cột {column}" : where;
        if (!groups.Contains(group))
        {
            problems.Add(new SurveyProblem(row, groupColumn, At(groupColumn),
                group.Length == 0 ? "Chưa nhập nhóm đối tượng." : $"Nhóm đối tượng \"{group}\" chưa có phiếu khảo sát trong kỳ đánh giá này."));
        }

        if (population is null)
        {
            return; // no target: the row removes it
        }

        if (QuotaInput.PopulationProblem(population.Value) is { } badPopulation)
        {
            problems.Add(new SurveyProblem(row, populationColumn, At(populationColumn), badPopulation));
        }

        if (QuotaInput.MarginProblem(margin) is { } badMargin)
        {
            problems.Add(new SurveyProblem(row, marginColumn, At(marginColumn), badMargin));
        }
    }

    private async Task ApplyAsync(int campaignId, IReadOnlyList<(int UnitId, string Group, long? Population, decimal? Margin)> targets, CancellationToken cancellationToken)
    {
        var existing = await db.SurveyQuotaTargets.Where(t => t.CampaignId == campaignId).ToListAsync(cancellationToken);
        foreach (var (unitId, group, population, margin) in targets)
        {
            var target = existing.FirstOrDefault(t => t.UnitId == unitId && t.RespondentGroup == group);
            if (population is not { } n)
            {
                if (target is not null)
                {
                    db.SurveyQuotaTargets.Remove(target);
                }

                continue;
            }

            if (target is null)
            {
                target = new SurveyQuotaTarget { CampaignId = campaignId, UnitId = unitId, RespondentGroup = group };
                db.SurveyQuotaTargets.Add(target);
            }

            target.Population = n;
            target.Margin = margin!.Value;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            throw DomainException.Conflict("Chỉ tiêu mẫu vừa được người khác thay đổi. Chưa có gì được lưu; hãy tải lại trang.", "Someone else has just changed the sample quotas. Nothing was saved; reload the page.");
        }
    }

    /// <summary>Respondents per (unit, respondent group): distinct respondent ids among the campaign's imported answers.</summary>
    private async Task<Dictionary<(int UnitId, string Group), int>> CollectedAsync(int campaignId, CancellationToken cancellationToken)
    {
        var counts = await (
                from answer in db.SurveyAnswers
                join batch in db.SurveyBatches on answer.BatchId equals batch.Id
                join questionnaire in db.SurveyQuestionnaires on batch.QuestionnaireId equals questionnaire.Id
                where batch.CampaignId == campaignId
                group answer.RespondentId by new { answer.UnitId, questionnaire.RespondentGroup } into g
                select new { g.Key.UnitId, g.Key.RespondentGroup, Count = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => (c.UnitId, c.RespondentGroup), c => c.Count);
    }

    private async Task<Campaign> LoadCampaignAsync(int campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {campaignId}.", $"There is no campaign number {campaignId}.");

    private async Task<List<CampaignUnit>> CampaignUnitsAsync(int campaignId, CancellationToken cancellationToken) =>
        (await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Unit!.Id, a.Unit.Code, a.Unit.Name }).ToListAsync(cancellationToken))
        .OrderBy(u => u.Code, StringComparer.Ordinal)
        .Select(u => new CampaignUnit(u.Id, u.Code, u.Name))
        .ToList();

    private sealed record CampaignUnit(int Id, string Code, string Name);

    private async Task<IReadOnlySet<string>> GroupsAsync(int campaignId, CancellationToken cancellationToken) =>
        (await db.SurveyQuestionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId).Select(q => q.RespondentGroup).ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);
}
