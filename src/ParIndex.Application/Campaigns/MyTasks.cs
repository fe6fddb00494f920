using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;

namespace ParIndex.Application.Campaigns;

/// <summary>One thing waiting for the user: what, for which unit or how many, by when, and where to do it.</summary>
/// <param name="Due">The deadline (UTC) when the step has one.</param>
/// <param name="Count">How many units the task covers (1 for a unit's own task).</param>
public sealed record TaskItem(string What, string WhatEnglish, string CampaignName, int Year, string? UnitName, int Count, DateTime? Due, bool Overdue, string Link);

/// <summary>A filter and page of the home page's list of assessments.</summary>
public sealed record AssessmentListQuery(string? Search = null, AssessmentStatus? State = null, int? CampaignId = null, int Page = 1, int PageSize = MyTasks.PageSize);

public sealed record AssessmentListRow(int Id, int CampaignId, string CampaignName, int Year, string UnitName, AssessmentStatus State, DateTime? Due, bool Contributing);

public sealed record AssessmentListPage(AssessmentListQuery Query, int Matching, IReadOnlyList<AssessmentListRow> Rows)
{
    public int Pages => Math.Max(1, (Matching + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>
/// The home page (ADR 0129): first what is waiting for the signed-in user in their role, soonest
/// deadline first; then every assessment they may open, filtered and paged in the database. Staff
/// roles see their tasks per campaign and state (counts from one grouped query) rather than one
/// line per unit, so a national campaign's 11 000 units make a handful of lines.
/// </summary>
public sealed class MyTasks(ParIndexDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<TaskItem>> TasksAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = new List<TaskItem>();
        if (user.UnitId is { } unit && (user.IsIn(Roles.UnitEditor) || user.IsIn(Roles.UnitLead)))
        {
            tasks.AddRange(await UnitTasksAsync(user, unit, now, cancellationToken));
        }

        if (user.IsIn(Roles.Appraiser) || user.IsIn(Roles.CouncilChair) || user.IsCoordinator)
        {
            tasks.AddRange(await StaffTasksAsync(user, now, cancellationToken));
        }

        return tasks.OrderBy(t => t.Due is null).ThenBy(t => t.Due).ThenByDescending(t => t.Year).ThenBy(t => t.CampaignName, StringComparer.Ordinal)
            .ThenBy(t => t.UnitName, StringComparer.Ordinal).ToList();
    }

    private async Task<IEnumerable<TaskItem>> UnitTasksAsync(CurrentUser user, int unit, DateTime now, CancellationToken cancellationToken)
    {
        var lead = user.IsIn(Roles.UnitLead);
        var own = await db.Assessments.AsNoTracking()
            .Where(a => a.UnitId == unit && a.Campaign!.PublishedAt == null && (a.Status == AssessmentStatus.Draft || a.Status == AssessmentStatus.PreliminarySent))
            .Select(a => new { a.Id, a.Status, a.DeadlineException, Campaign = a.Campaign!.Name, a.Campaign.Year, a.Campaign.SelfAssessmentDeadline, a.Campaign.ResponseDeadline, Unit = a.Unit!.Name })
            .ToListAsync(cancellationToken);
        var contributing = await db.Assignments.AsNoTracking()
            .Where(x => x.ContributingUnitId == unit && x.Assessment!.Status == AssessmentStatus.Draft && x.Assessment.Campaign!.PublishedAt == null)
            .Select(x => new { x.AssessmentId, x.CodePrefix, x.Assessment!.DeadlineException, Campaign = x.Assessment.Campaign!.Name, x.Assessment.Campaign.Year, x.Assessment.Campaign.SelfAssessmentDeadline, Unit = x.Assessment.Unit!.Name })
            .ToListAsync(cancellationToken);

        var tasks = own.Select(a =>
        {
            var (due, _) = CampaignDashboard.DeadlineOf(a.Status, a.DeadlineException, a.SelfAssessmentDeadline, a.ResponseDeadline);
            var (what, english) = a.Status == AssessmentStatus.Draft
                ? lead ? ("Duyệt và gửi bản tự đánh giá", "Review and submit the self-assessment") : ("Chấm điểm, giải trình và tải tài liệu kiểm chứng", "Score, explain and upload evidence")
                : lead ? ("Gửi giải trình kết quả thẩm định sơ bộ", "Send the response to the preliminary result") : ("Giải trình các tiêu chí bị điều chỉnh", "Answer the adjusted criteria");
            var link = a.Status == AssessmentStatus.Draft ? $"/assessments/{a.Id}" : $"/assessments/{a.Id}/appraisal";
            return new TaskItem(what, english, a.Campaign, a.Year, a.Unit, 1, due, due is { } d && d < now, link);
        }).ToList();
        tasks.AddRange(contributing.GroupBy(x => x.AssessmentId).Select(g =>
        {
            var x = g.First();
            var due = x.DeadlineException ?? x.SelfAssessmentDeadline;
            var codes = string.Join(", ", g.Select(y => y.CodePrefix).Order(StringComparer.Ordinal));
            return new TaskItem($"Chấm các tiêu chí được giao ({codes})", $"Score the criteria assigned to you ({codes})", x.Campaign, x.Year, x.Unit, 1, due, due is { } d && d < now, $"/assessments/{x.AssessmentId}");
        }));
        return tasks;
    }

    private async Task<IEnumerable<TaskItem>> StaffTasksAsync(CurrentUser user, DateTime now, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.PublishedAt == null)
            .Select(c => new { c.Id, c.Name, c.Year, c.ResponseDeadline }).ToListAsync(cancellationToken);
        var counts = (await db.Assessments.AsNoTracking().Where(a => a.Campaign!.PublishedAt == null)
                .GroupBy(a => new { a.CampaignId, a.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.CampaignId);
        var overdue = user.IsCoordinator
            ? await db.Assessments.AsNoTracking()
                .Where(a => a.Campaign!.PublishedAt == null && a.Status == AssessmentStatus.Draft && (a.DeadlineException ?? a.Campaign.SelfAssessmentDeadline) < now)
                .GroupBy(a => a.CampaignId).Select(g => new { CampaignId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.CampaignId, x => x.Count, cancellationToken)
            : [];

        var tasks = new List<TaskItem>();
        foreach (var c in campaigns)
        {
            var states = counts[c.Id].ToDictionary(x => x.Status, x => x.Count);
            int In(AssessmentStatus s) => states.GetValueOrDefault(s);
            void Add(string what, string english, int count, string link, DateTime? due = null) =>
                tasks.Add(new TaskItem(what, english, c.Name, c.Year, null, count, due, due is { } d && d < now, link));

            if (user.IsIn(Roles.Appraiser))
            {
                if (In(AssessmentStatus.Submitted) > 0)
                {
                    Add("Bắt đầu thẩm định các bản đã gửi", "Start the appraisal of submitted assessments", In(AssessmentStatus.Submitted), $"/?campaign={c.Id}&state=Submitted");
                }

                if (In(AssessmentStatus.UnderAppraisal) > 0)
                {
                    Add("Thẩm định từng tiêu chí", "Appraise each criterion", In(AssessmentStatus.UnderAppraisal), $"/?campaign={c.Id}&state=UnderAppraisal");
                }

                if (In(AssessmentStatus.Responded) > 0)
                {
                    Add("Chấm điểm cuối cùng sau giải trình", "Set the final scores after the responses", In(AssessmentStatus.Responded), $"/?campaign={c.Id}&state=Responded");
                }
            }

            if (user.IsIn(Roles.CouncilChair) && In(AssessmentStatus.Responded) > 0)
            {
                Add("Phê duyệt kết quả cuối cùng", "Approve the final results", In(AssessmentStatus.Responded), $"/?campaign={c.Id}&state=Responded");
            }

            if (user.IsCoordinator)
            {
                var link = $"/campaigns/{c.Id}";
                if (overdue.GetValueOrDefault(c.Id) is > 0 and var late)
                {
                    Add("Đôn đốc hoặc gia hạn cho đơn vị quá hạn tự đánh giá", "Remind or extend the units past the self-assessment deadline", late, link + "?overdue=1");
                }

                if (In(AssessmentStatus.UnderAppraisal) > 0)
                {
                    Add("Gửi kết quả thẩm định sơ bộ khi đã thẩm định xong", "Send the preliminary results once appraised", In(AssessmentStatus.UnderAppraisal), link + "?state=UnderAppraisal");
                }

                if (In(AssessmentStatus.PreliminarySent) > 0 && c.ResponseDeadline is { } response)
                {
                    Add("Theo dõi giải trình của đơn vị", "Follow the units' responses", In(AssessmentStatus.PreliminarySent), link + "?state=PreliminarySent", response);
                }

                var total = states.Values.Sum();
                if (total > 0 && In(AssessmentStatus.Final) == total)
                {
                    Add("Công bố kết quả: mọi đơn vị đã được phê duyệt", "Publish the results: every unit is approved", total, link);
                }
            }
        }

        return tasks;
    }

    /// <summary>The assessments the user may open (as <c>AssessmentService.ListAsync</c>), filtered and paged by the database.</summary>
    public async Task<AssessmentListPage> AssessmentsAsync(CurrentUser user, AssessmentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var assessments = db.Assessments.AsNoTracking();
        var unit = user.UnitId ?? -1;
        if (!user.SeesAllUnits)
        {
            assessments = assessments.Where(a => a.UnitId == unit || a.Assignments.Any(x => x.ContributingUnitId == unit));
        }

        if (query.CampaignId is { } campaign)
        {
            assessments = assessments.Where(a => a.CampaignId == campaign);
        }

        if (query.State is { } state)
        {
            assessments = assessments.Where(a => a.Status == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Unit names are mixed case with Vietnamese letters: compare lower-cased on both sides.
            // (SQLite lowers ASCII letters only, so the text as typed is tried too.)
            var typed = query.Search.Trim();
            var text = typed.ToLower(ParIndex.Core.Numbers.VietnameseNumbers.Culture);
            assessments = assessments.Where(a => a.Unit!.Name.Contains(typed) || a.Unit.Name.ToLower().Contains(text)
                || a.Unit.Code.ToLower().Contains(text) || a.Campaign!.Name.ToLower().Contains(text));
        }

        var matching = await assessments.CountAsync(cancellationToken);
        var pages = Math.Max(1, (matching + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await assessments
            .OrderByDescending(a => a.Campaign!.Year).ThenBy(a => a.CampaignId).ThenBy(a => a.Unit!.Name).ThenBy(a => a.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new { a.Id, a.CampaignId, Campaign = a.Campaign!.Name, a.Campaign.Year, Unit = a.Unit!.Name, a.UnitId, a.Status, a.DeadlineException, a.Campaign.SelfAssessmentDeadline, a.Campaign.ResponseDeadline })
            .ToListAsync(cancellationToken);
        return new AssessmentListPage(query with { Page = page, PageSize = size }, matching,
            rows.Select(a => new AssessmentListRow(a.Id, a.CampaignId, a.Campaign, a.Year, a.Unit, a.Status,
                CampaignDashboard.DeadlineOf(a.Status, a.DeadlineException, a.SelfAssessmentDeadline, a.ResponseDeadline).Deadline,
                user.UnitId is { } u && a.UnitId != u)).ToList());
    }
}
