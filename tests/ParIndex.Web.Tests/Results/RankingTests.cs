using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Workflow;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Units;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Results;

/// <summary>Rankings, not-applicable fields and bands through the public results API, on each database.</summary>
public abstract class RankingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Framework Framework = BuiltInFrameworks.Province2023;

    private sealed record Planned(string Code, string Kind, decimal LostPoints, string? NotApplicableField = null);

    /// <summary>
    /// A campaign whose units lost exactly the given points (final and survey scores set directly,
    /// as the appraisal leaves them), optionally with one field not applicable.
    /// </summary>
    private async Task<int> CampaignAsync(string name, IReadOnlyList<Planned> units, bool published = true, Dictionary<string, int>? existingUnits = null) =>
        await app.WithDbAsync(async db =>
        {
            var record = await db.Frameworks.SingleAsync(f => f.FrameworkId == Framework.Id && f.Version == Framework.Version);
            var campaign = new Campaign { Name = name + " " + Guid.NewGuid().ToString("N")[..6], Year = 2024, FrameworkRecordId = record.Id, CreatedAt = DateTime.UtcNow, PublishedAt = published ? DateTime.UtcNow : null };
            db.Campaigns.Add(campaign);
            foreach (var plan in units)
            {
                var assessment = new Assessment { Campaign = campaign, Status = published ? AssessmentStatus.Published : AssessmentStatus.Final };
                if (existingUnits is not null && existingUnits.TryGetValue(plan.Code, out var unitId))
                {
                    assessment.UnitId = unitId;
                }
                else
                {
                    assessment.Unit = new Unit { Code = plan.Code + "-" + Guid.NewGuid().ToString("N")[..6], Name = "Đơn vị " + plan.Code, Kind = plan.Kind, Region = "Vùng " + plan.Kind };
                }

                db.Assessments.Add(assessment);
                var deficit = plan.LostPoints;
                foreach (var leaf in Framework.Leaves())
                {
                    var entry = new LeafEntry { LeafCode = leaf.Code, UpdatedAt = DateTime.UtcNow };
                    assessment.Entries.Add(entry);
                    if (plan.NotApplicableField is { } field && leaf.Code.StartsWith(field + ".", StringComparison.Ordinal))
                    {
                        entry.NotApplicable = true;
                        continue;
                    }

                    var take = Math.Min(leaf.Max, deficit);
                    deficit -= take;
                    if (leaf.IsSurvey)
                    {
                        entry.SurveyScore = leaf.Max - take;
                    }
                    else
                    {
                        entry.Points = leaf.Max;
                        entry.AppraisedScore = leaf.Max - take;
                    }
                }
            }

            await db.SaveChangesAsync();
            return campaign.Id;
        });

    private async Task<JsonElement> PublicResultsAsync(int campaignId)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(new Uri($"/api/public/campaigns/{campaignId}/results", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static JsonElement UnitOf(JsonElement results, string code) =>
        results.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == "Đơn vị " + code);

    [Fact]
    public async Task Two_units_at_95_70_percent_share_rank_1_and_the_next_is_rank_3()
    {
        var id = await CampaignAsync("Xếp hạng đồng hạng",
        [
            new("A", "district", 4.3m),      // 95,70%
            new("B", "district", 4.296m),    // 95,704% → publishes as 95,70%
            new("C", "district", 4.31m),     // 95,69%
            new("D", "department", 1m),      // another peer group: ranked on its own
        ]);
        var results = await PublicResultsAsync(id);
        Assert.Equal(95.70m, UnitOf(results, "A").GetProperty("publishedIndex").GetDecimal());
        Assert.Equal(95.70m, UnitOf(results, "B").GetProperty("publishedIndex").GetDecimal());
        Assert.Equal(95.704m, UnitOf(results, "B").GetProperty("index").GetDecimal());
        Assert.Equal((1, true), (UnitOf(results, "A").GetProperty("rank").GetInt32(), UnitOf(results, "A").GetProperty("tied").GetBoolean()));
        Assert.Equal((1, true), (UnitOf(results, "B").GetProperty("rank").GetInt32(), UnitOf(results, "B").GetProperty("tied").GetBoolean()));
        Assert.Equal((3, false), (UnitOf(results, "C").GetProperty("rank").GetInt32(), UnitOf(results, "C").GetProperty("tied").GetBoolean()));
        Assert.Equal(1, UnitOf(results, "D").GetProperty("rank").GetInt32());
        Assert.Equal(99m, UnitOf(results, "D").GetProperty("index").GetDecimal());
        // Points achieved = final + survey: A lost its 4,3 points on self-assessed leaves first.
        Assert.Equal(95.7m, UnitOf(results, "A").GetProperty("points").GetDecimal());
        Assert.Equal(32m, UnitOf(results, "A").GetProperty("surveyPoints").GetDecimal());
        var region = results.GetProperty("regionalAverages").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "Vùng district");
        Assert.Equal(3, region.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task A_not_applicable_field_lowers_the_maximum_and_the_index_is_taken_over_it()
    {
        var field5 = Framework.Nodes.Single(n => n.Code == "5").Max;
        var id = await CampaignAsync("Không áp dụng", [new("E", "district", 2m, NotApplicableField: "5"), new("F", "district", 2m)]);
        var results = await PublicResultsAsync(id);
        var e = UnitOf(results, "E");
        Assert.Equal(100m - field5, e.GetProperty("max").GetDecimal());
        Assert.Equal(98m - field5, e.GetProperty("points").GetDecimal());
        Assert.Equal((98m - field5) / (100m - field5) * 100m, e.GetProperty("index").GetDecimal());
        var fifth = e.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "5");
        Assert.Equal(0m, fifth.GetProperty("max").GetDecimal());
        Assert.Equal(JsonValueKind.Null, fifth.GetProperty("index").ValueKind);
        // The unit with every field is at 98,00% of 100; the not-applicable unit is below it, not penalised by field 5's maximum.
        Assert.Equal(98m, UnitOf(results, "F").GetProperty("index").GetDecimal());
        Assert.True(e.GetProperty("index").GetDecimal() > 97.5m);
    }

    [Fact]
    public async Task Configured_bands_assign_the_published_groups()
    {
        var id = await CampaignAsync("Nhóm xếp loại",
        [
            new("G", "district", 4.3m),    // 95,70% → A
            new("H", "district", 15m),     // 85,00% → B
            new("I", "district", 30m),     // 70,00% → C (the bound is inclusive)
            new("J", "district", 30.004m), // 69,996% publishes as 70,00% → C
            new("K", "district", 30.01m),  // 69,99% → D
        ], published: false);
        using var coordinator = await app.LoginAsync("coordinator");
        var bands = new { bands = new[] { new { name = "A", minIndex = 90m, label = "Xuất sắc" }, new { name = "B", minIndex = 80m, label = "Tốt" }, new { name = "C", minIndex = 70m, label = "Khá" } }, below = "D" };
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync(new Uri($"/api/campaigns/{id}/bands", UriKind.Relative), bands)).StatusCode);
        var duplicate = new { bands = new[] { new { name = "A", minIndex = 90m }, new { name = "A", minIndex = 80m } } };
        await (await coordinator.PutAsJsonAsync(new Uri($"/api/campaigns/{id}/bands", UriKind.Relative), duplicate)).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Not published yet: the public sees nothing, staff see the results.
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri($"/api/campaigns/{id}/results", UriKind.Relative))).StatusCode);
        await app.WithDbAsync(async db =>
        {
            foreach (var a in await db.Assessments.Where(a => a.CampaignId == id).ToListAsync())
            {
                a.Status = AssessmentStatus.Published;
            }

            (await db.Campaigns.SingleAsync(c => c.Id == id)).PublishedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });

        var results = await PublicResultsAsync(id);
        string[] codes = ["G", "H", "I", "J", "K"];
        Assert.Equal(["A", "B", "C", "C", "D"], codes.Select(c => UnitOf(results, c).GetProperty("band").GetString()));
        Assert.Equal(["A", "B", "C"], results.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Change_against_the_previous_campaign_goes_through_the_crosswalk()
    {
        var previous = await CampaignAsync("Năm trước", [new("P", "district", 10m)]);
        var unitId = await app.WithDbAsync(db => db.Assessments.Where(a => a.CampaignId == previous).Select(a => a.UnitId).SingleAsync());
        var current = await CampaignAsync("Năm nay", [new("P", "district", 5m)], published: false, existingUnits: new Dictionary<string, int> { ["P"] = unitId });
        using var coordinator = await app.LoginAsync("coordinator");
        var link = new Uri($"/api/campaigns/{current}/previous", UriKind.Relative);
        await (await coordinator.PutAsJsonAsync(link, new { previousCampaignId = 987_654 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        // Same framework version: the identity crosswalk applies to every node.
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync(link, new { previousCampaignId = previous })).StatusCode);

        var card = await (await coordinator.GetAsync(new Uri($"/api/campaigns/{current}/results/units/{unitId}", UriKind.Relative))).JsonAsync();
        var changes = card.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c);
        Assert.Equal(5m, changes[""].GetProperty("change").GetDecimal());
        Assert.Equal("direct", changes["2"].GetProperty("comparison").GetString());
        Assert.Equal(0m, changes["3"].GetProperty("change").GetDecimal());
        Assert.Equal(0m, changes["3.1"].GetProperty("change").GetDecimal());
        Assert.True(changes["1"].GetProperty("change").GetDecimal() > 0m);
        Assert.Equal(0, card.GetProperty("unit").GetProperty("rankMovement").GetInt32());
        Assert.Equal(90m, card.GetProperty("unit").GetProperty("previousIndex").GetDecimal());
    }
}

public sealed class RankingTestsOnSqlite(SqliteAppFixture app) : RankingTests<SqliteAppFixture>(app);

public sealed class RankingTestsOnPostgres(PostgresAppFixture app) : RankingTests<PostgresAppFixture>(app);
