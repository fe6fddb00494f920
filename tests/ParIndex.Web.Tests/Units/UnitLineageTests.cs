using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Accounts;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Demo;
using ParIndex.Application.Problems;
using ParIndex.Application.Results;
using ParIndex.Application.Units;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Units;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Surveys;
using ParIndex.Data.Units;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Units;

/// <summary>
/// Units over time and campaigns without the survey through their use cases, on each database
/// (ADR 0126, 0127), and the pages that show them: the merged unit's card and the history in words.
/// </summary>
public abstract class UnitLineageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly CurrentUser Admin = CurrentUser.Operator("test:admin");

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<Unit> NewUnitAsync(string kind, string prefix) => app.WithDbAsync(async db =>
    {
        var unit = db.Units.Add(new Unit { Code = prefix + "-" + Guid.NewGuid().ToString("N")[..6], Name = "Đơn vị " + prefix, Kind = kind }).Entity;
        await db.SaveChangesAsync();
        return unit;
    });

    [Fact]
    public async Task A_merge_ends_its_predecessors_the_day_before_and_records_one_lineage_row_each()
    {
        var a = await NewUnitAsync("commune", "XA");
        var b = await NewUnitAsync("commune", "XB");
        var code = "XAB-" + Guid.NewGuid().ToString("N")[..6];
        var result = await WithAsync(s => s.GetRequiredService<UnitLineageService>().MergeAsync(
            new MergeRequest([a.Id, b.Id], new NewUnitRequest(code, "Xã Hợp Nhất"), new DateOnly(2025, 7, 1), "NQ 1656/NQ-UBTVQH15"), Admin, CancellationToken.None));

        var merged = Assert.Single(result.Successors);
        Assert.Equal("commune", merged.Kind);
        Assert.Equal(new DateOnly(2025, 7, 1), merged.ValidFrom);
        Assert.All(result.Ended, u => Assert.Equal(new DateOnly(2025, 6, 30), u.ValidTo));
        var lineage = await WithAsync(s => s.GetRequiredService<UnitLineageService>().LineageAsync(merged.Id, CancellationToken.None));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), lineage.CameFrom.Select(l => l.PredecessorId).Order());
        Assert.All(lineage.CameFrom, l => Assert.Equal(UnitChangeKinds.Merge, l.Kind));
        Assert.All(lineage.CameFrom, l => Assert.Equal("NQ 1656/NQ-UBTVQH15", l.Note));

        // Exists on 30 June, gone on 1 July; the new unit the other way round.
        var june = await WithAsync(s => s.GetRequiredService<UnitLineageService>().ActiveUnitsAsync("commune", new DateOnly(2025, 6, 30), CancellationToken.None));
        var july = await WithAsync(s => s.GetRequiredService<UnitLineageService>().ActiveUnitsAsync("commune", new DateOnly(2025, 7, 1), CancellationToken.None));
        Assert.Contains(june, u => u.Id == a.Id);
        Assert.DoesNotContain(june, u => u.Id == merged.Id);
        Assert.DoesNotContain(july, u => u.Id == a.Id || u.Id == b.Id);
        Assert.Contains(july, u => u.Id == merged.Id);

        // An ended unit cannot merge again, nor join a new campaign.
        var again = await Assert.ThrowsAsync<FieldValidationException>(() => WithAsync(s => s.GetRequiredService<UnitLineageService>().MergeAsync(
            new MergeRequest([a.Id, merged.Id], new NewUnitRequest(code + "X", "Lần nữa"), new DateOnly(2025, 8, 1), null), Admin, CancellationToken.None)));
        Assert.Contains("đã kết thúc ngày 30/06/2025", again.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<FieldValidationException>(() => WithAsync(async s =>
        {
            var campaigns = s.GetRequiredService<CampaignService>();
            var framework = (await campaigns.FrameworksAsync(CancellationToken.None))[0];
            return await campaigns.CreateAsync(new CampaignRequest("Kỳ có đơn vị đã kết thúc", 2026, framework.Id, [a.Id, merged.Id], null), CancellationToken.None);
        }));
        Assert.Equal("unitIds", Assert.Single(refused.Errors).Field);
        Assert.Contains("Đơn vị XA", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_makes_new_units_and_a_rename_keeps_the_unit_with_its_former_name()
    {
        var whole = await NewUnitAsync("department", "SO");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var split = await WithAsync(s => s.GetRequiredService<UnitLineageService>().SplitAsync(
            new SplitRequest(whole.Id, [new NewUnitRequest("S1-" + suffix, "Sở Một"), new NewUnitRequest("S2-" + suffix, "Sở Hai")], new DateOnly(2025, 3, 1), null), Admin, CancellationToken.None));
        Assert.Equal(2, split.Successors.Count);
        Assert.Equal(new DateOnly(2025, 2, 28), Assert.Single(split.Ended).ValidTo);
        var became = await WithAsync(s => s.GetRequiredService<UnitLineageService>().LineageAsync(whole.Id, CancellationToken.None));
        Assert.Equal(split.Successors.Select(u => u.Id).Order(), became.BecameOf.Select(l => l.SuccessorId).Order());

        var one = split.Successors[0];
        await WithAsync(s => s.GetRequiredService<UnitLineageService>().RenameAsync(new RenameRequest(one.Id, "Sở Một Mới", new DateOnly(2025, 9, 1), null), Admin, CancellationToken.None));
        var renamed = await WithAsync(s => s.GetRequiredService<UnitLineageService>().LineageAsync(one.Id, CancellationToken.None));
        Assert.Equal("Sở Một Mới", renamed.Unit.Name);
        Assert.Null(renamed.Unit.ValidTo);
        Assert.Equal("Sở Một", Assert.Single(renamed.Renames).PreviousName);

        // A split into one unit, or a rename before the unit began, is refused with the field named; nothing is written.
        var before = await app.WithDbAsync(db => db.UnitLineage.CountAsync());
        var single = await Assert.ThrowsAsync<FieldValidationException>(() => WithAsync(s => s.GetRequiredService<UnitLineageService>().SplitAsync(
            new SplitRequest(one.Id, [new NewUnitRequest("S3-" + suffix, "Sở Ba")], new DateOnly(2025, 10, 1), null), Admin, CancellationToken.None)));
        Assert.Equal("successors", Assert.Single(single.Errors).Field);
        await Assert.ThrowsAsync<FieldValidationException>(() => WithAsync(s => s.GetRequiredService<UnitLineageService>().RenameAsync(
            new RenameRequest(one.Id, "Quá sớm", new DateOnly(2025, 1, 1), null), Admin, CancellationToken.None)));
        var forbidden = await Assert.ThrowsAnyAsync<DomainException>(() => WithAsync(s => s.GetRequiredService<UnitLineageService>().RenameAsync(
            new RenameRequest(one.Id, "Không có quyền", new DateOnly(2025, 10, 1), null), new CurrentUser("editor", "Editor", new HashSet<string>(), one.Id), CancellationToken.None)));
        Assert.Equal(ErrorKind.Forbidden, forbidden.Kind);
        Assert.Equal(before, await app.WithDbAsync(db => db.UnitLineage.CountAsync()));
    }

    [Fact]
    public async Task Without_the_survey_the_index_is_over_the_self_assessed_maximum_and_ranks_departments_only()
    {
        var (campaignId, mergedId) = await DemoCampaignAsync();
        var results = await WithAsync(s => s.GetRequiredService<ResultsService>().CampaignAsync(campaignId, publicOnly: true, CancellationToken.None));
        Assert.True(results.SurveyNotRun);
        Assert.All(results.Units, u => Assert.Equal("department", u.PeerGroup));
        // The built-in framework: 100 points of which 32 from the survey; without it the base is 68.
        Assert.All(results.Units, u => Assert.Equal(68m, u.Max));
        Assert.All(results.Units, u => Assert.Equal(0m, u.SurveyPoints));
        Assert.All(results.Units, u => Assert.Equal(u.Points / 68m * 100m, u.Index));
        // Ranked among the campaign's departments only: ranks run from 1 to at most the number of units.
        Assert.Equal(1, results.Units.Min(u => u.Rank));
        Assert.All(results.Units, u => Assert.InRange(u.Rank, 1, results.Units.Count));
        // Ended predecessors are not in the 2025 campaign; the merged unit is.
        Assert.Contains(results.Units, u => u.UnitId == mergedId);
        Assert.DoesNotContain(results.Units, u => u.UnitCode is "BG-SKHDT" or DemoUnits.FinanceCode);

        var lineage = await WithAsync(s => s.GetRequiredService<PredecessorResultsService>().ForUnitAsync(campaignId, mergedId, publicOnly: true, CancellationToken.None));
        Assert.True(lineage.ComparisonNotDirect);
        Assert.Equal(new[] { "BG-SKHDT", DemoUnits.FinanceCode }.Order(StringComparer.Ordinal), lineage.Predecessors.Select(p => p.UnitCode).Order(StringComparer.Ordinal));
        Assert.All(lineage.Predecessors, p => Assert.NotNull(p.PreviousIndex));

        // The switch is the coordinator's, refused once published.
        var locked = await Assert.ThrowsAnyAsync<DomainException>(() => WithAsync(async s =>
        {
            await s.GetRequiredService<SurveyRunService>().SetSurveyNotRunAsync(campaignId, false, Admin, CancellationToken.None);
            return 0;
        }));
        Assert.Equal(ErrorKind.Locked, locked.Kind);
    }

    [Fact]
    public async Task A_rollover_carries_the_merged_unit_instead_of_its_ended_predecessors()
    {
        var a = await NewUnitAsync("province", "RA");
        var b = await NewUnitAsync("province", "RB");
        var c = await NewUnitAsync("province", "RC");
        var frameworkId = await app.WithDbAsync(db => db.Frameworks.Where(f => f.FrameworkId == BuiltInFrameworks.Province2023Id).Select(f => f.Id).SingleAsync());
        var source = await app.WithDbAsync(async db =>
        {
            var campaign = new Campaign { Name = "Kỳ trước khi hợp nhất " + Guid.NewGuid().ToString("N")[..6], Year = 2024, FrameworkRecordId = frameworkId, CreatedAt = DateTime.UtcNow };
            foreach (var unit in new[] { a, b, c })
            {
                db.Assessments.Add(new Assessment { Campaign = campaign, UnitId = unit.Id, Status = AssessmentStatus.Final });
            }

            await db.SaveChangesAsync();
            // C's field 2 was contributed by A; A's appraiser; B's survey quota.
            var cAssessment = await db.Assessments.SingleAsync(x => x.CampaignId == campaign.Id && x.UnitId == c.Id);
            db.Assignments.Add(new Assignment { AssessmentId = cAssessment.Id, CodePrefix = "2", ContributingUnitId = a.Id });
            db.AppraiserAssignments.Add(new AppraiserAssignment { CampaignId = campaign.Id, UserName = "appraiser", UnitId = a.Id });
            db.SurveyQuotaTargets.Add(new SurveyQuotaTarget { CampaignId = campaign.Id, UnitId = b.Id, RespondentGroup = "nguoi-dan", Population = 1000, Margin = 0.05m });
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        var merge = await WithAsync(s => s.GetRequiredService<UnitLineageService>().MergeAsync(
            new MergeRequest([a.Id, b.Id], new NewUnitRequest("RAB-" + Guid.NewGuid().ToString("N")[..6], "Tỉnh sau hợp nhất"), new DateOnly(2025, 7, 1), null), Admin, CancellationToken.None));
        var merged = Assert.Single(merge.Successors);

        var result = await WithAsync(s => s.GetRequiredService<CampaignRolloverService>().RolloverAsync(
            source, new RolloverRequest("Kỳ sau hợp nhất " + Guid.NewGuid().ToString("N")[..6], 2026, frameworkId, null, null), Admin, CancellationToken.None));

        Assert.Equal(2, result.Units);
        var units = await app.WithDbAsync(db => db.Assessments.Where(x => x.CampaignId == result.CampaignId).Select(x => x.UnitId).ToListAsync());
        Assert.Equal(new[] { c.Id, merged.Id }.Order(), units.Order());
        Assert.Contains(result.NotCarried, n => n.Contains(a.Code, StringComparison.Ordinal) && n.Contains("Tỉnh sau hợp nhất", StringComparison.Ordinal) && n.Contains("30/06/2025", StringComparison.Ordinal));
        Assert.Contains(result.NotCarried, n => n.Contains(b.Code, StringComparison.Ordinal));
        // The appraiser follows the merged unit; the contributing agency is now the merged unit; the old quota stays behind.
        var appraiser = await app.WithDbAsync(db => db.AppraiserAssignments.SingleAsync(x => x.CampaignId == result.CampaignId));
        Assert.Equal(merged.Id, appraiser.UnitId);
        var contributor = await app.WithDbAsync(db => db.Assignments.Where(x => x.Assessment!.CampaignId == result.CampaignId).Select(x => x.ContributingUnitId).SingleAsync());
        Assert.Equal(merged.Id, contributor);
        Assert.Equal(0, result.Quotas);
    }

    private Task<(int CampaignId, int MergedId)> DemoCampaignAsync() => app.WithDbAsync(async db =>
    {
        var campaign = await db.Campaigns.SingleAsync(c => c.Name == DemoUnitMerge.CampaignName);
        var merged = await db.Units.SingleAsync(u => u.Code == DemoUnitMerge.MergedCode);
        return (campaign.Id, merged.Id);
    });

    [Fact]
    public async Task The_merged_units_public_card_shows_its_predecessors_and_the_not_direct_mark()
    {
        var (campaignId, mergedId) = await DemoCampaignAsync();
        using var anonymous = app.CreateClient();
        var html = await anonymous.GetStringAsync(new Uri($"/results/{campaignId}/units/{mergedId}", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("So sánh không trực tiếp", page.QuerySelector("#not-direct")?.TextContent);
        var rows = page.QuerySelectorAll("#predecessor-results tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("Sở Kế hoạch và Đầu tư tỉnh Bắc Giang", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Sở Tài chính tỉnh Bắc Giang", StringComparison.Ordinal));
        // Each predecessor's previous index in Vietnamese numbers (a comma, two decimals).
        Assert.All(rows, r => Assert.Matches(@"\d+,\d{2}%", r.TextContent));
        Assert.Contains("không thực hiện điều tra xã hội học", page.QuerySelector("#survey-not-run")?.TextContent, StringComparison.Ordinal);
        // Radar axes are the fields' titles, not "Lĩnh vực 1…8".
        var axes = page.QuerySelectorAll("#fields tbody tr").Select(r => r.GetAttribute("data-short-label")).ToList();
        Assert.DoesNotContain(axes, a => a!.StartsWith("Lĩnh vực ", StringComparison.Ordinal));
        Assert.Contains(axes, a => a!.StartsWith("CÔNG TÁC CHỈ ĐẠO", StringComparison.Ordinal));

        var ranking = await anonymous.GetStringAsync(new Uri($"/results/{campaignId}", UriKind.Relative));
        Assert.Contains(CampaignResults.SurveyNotRunVietnamese, WebUtility.HtmlDecode(ranking), StringComparison.Ordinal);

        // An ordinary unit of a campaign with the survey: no predecessors section, SIPAS components by their titles.
        // The districts' 2023 sample campaign is on the provincial framework, with its survey (the
        // departments' framework made from the sample table has no survey leaves).
        var ordinary = await app.WithDbAsync(async db => await db.Assessments
            .Where(a => a.Campaign!.IsSample && a.Campaign.Year == 2023 && a.Campaign.Framework!.FrameworkId == "par-index-province-2023")
            .OrderBy(a => a.Id).Select(a => new { a.CampaignId, a.UnitId }).FirstAsync());
        var (sample2023, district) = (ordinary.CampaignId, ordinary.UnitId);
        var card2023 = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(new Uri($"/results/{sample2023}/units/{district}", UriKind.Relative)));
        Assert.Null(card2023.QuerySelector("#predecessors"));
        var sipas = card2023.QuerySelectorAll("#sipas tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.NotEmpty(sipas);
        Assert.Contains("Chỉ số hài lòng về tiếp cận dịch vụ", sipas);
        Assert.DoesNotContain(sipas, s => System.Text.RegularExpressions.Regex.IsMatch(s, @"^[\d.]+$"));
    }

    [Fact]
    public async Task The_history_page_speaks_in_words_with_vietnamese_numbers_and_a_back_link()
    {
        var assessmentId = await app.WithDbAsync(async db => (await db.Assessments.Include(a => a.Unit).Include(a => a.Campaign)
            .SingleAsync(a => a.Campaign!.Name == DemoSeeder.CampaignName && a.Unit!.Code == DemoUnits.BacGiangCode)).Id);
        using var editor = await app.LoginAsync("editor.bacgiang");
        var token = await AppFixture.ApiTokenAsync(editor);
        // One manual save: typed score and points are written as two rows, read as one line.
        var leaf = ParIndex.Core.Frameworks.BuiltInFrameworks.Province2023.Leaves().First(l => !l.IsSurvey && l.EffectiveRule is ParIndex.Core.Frameworks.ManualRule && l.Max >= 1.5m);
        var version = await app.WithDbAsync(async db => (await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == assessmentId && e.LeafCode == leaf.Code))?.Version ?? 0);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/assessments/{assessmentId}/leaves/{leaf.Code}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { score = 1.25m, explanation = "Giải trình thử", version, reason = "Sửa lại theo văn bản" }),
        };
        request.Headers.Add("X-XSRF-TOKEN", token);
        var saved = await editor.SendAsync(request);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var html = await editor.GetStringAsync(new Uri($"/assessments/{assessmentId}/history?leaf={leaf.Code}", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("← Quay lại bản tự đánh giá (tiêu chí " + leaf.Code + ")", page.QuerySelector("#history-back")?.TextContent);
        Assert.Equal($"/assessments/{assessmentId}", page.QuerySelector("#history-back")?.GetAttribute("href"));
        var first = page.QuerySelector("#history tbody tr")!.TextContent;
        Assert.Contains("Điểm tự đánh giá:", first, StringComparison.Ordinal);
        Assert.Contains("1,25", first, StringComparison.Ordinal);
        Assert.DoesNotContain("1.25", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Điểm đã nhập", first, StringComparison.Ordinal);
        Assert.Contains("Giải trình", first, StringComparison.Ordinal);
        Assert.Contains("Sửa lại theo văn bản", first, StringComparison.Ordinal);
        var headers = page.QuerySelectorAll("#history th").Select(th => th.TextContent).ToList();
        Assert.DoesNotContain("Points", page.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Thời điểm", "Người thực hiện", "Tiêu chí", "Thay đổi", "Lý do"], headers);

        // The same page in English.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(new Uri("/account/language/en", UriKind.Relative))).StatusCode);
        var english = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/assessments/{assessmentId}/history?leaf={leaf.Code}", UriKind.Relative)));
        Assert.StartsWith("← Back to the self-assessment", english.QuerySelector("#history-back")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Self-assessed score:", english.QuerySelector("#history tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Change history — criterion " + leaf.Code, english.QuerySelector("h1")?.TextContent);
    }
}

public sealed class UnitLineageTestsOnSqlite(SqliteAppFixture app) : UnitLineageTests<SqliteAppFixture>(app);

public sealed class UnitLineageTestsOnPostgres(PostgresAppFixture app) : UnitLineageTests<PostgresAppFixture>(app);
