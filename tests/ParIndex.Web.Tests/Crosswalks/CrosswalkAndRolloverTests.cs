using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Demo;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Evidence;
using ParIndex.Data.Units;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Crosswalks;

/// <summary>
/// Stored crosswalks, the results' change through them and the campaign rollover (ADR 0124, 0125),
/// through the API on each database. The demo seeds the sample 2024 version and its crosswalk from
/// 2023: 1.1 + 1.2 merged into 1.1, 1.3–1.5 renumbered 1.2–1.4, 1.6 removed, 1.5 new.
/// </summary>
public abstract class CrosswalkAndRolloverTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Uri Crosswalks = new("/api/crosswalks", UriKind.Relative);

    private Task<(int Old, int New)> FrameworkIdsAsync() => app.WithDbAsync(async db =>
        (await db.Frameworks.Where(f => f.FrameworkId == BuiltInFrameworks.Province2023Id).Select(f => f.Id).SingleAsync(),
         await db.Frameworks.Where(f => f.FrameworkId == DemoCrosswalkSeeder.SampleFrameworkId).Select(f => f.Id).SingleAsync()));

    private Task<int> SampleCrosswalkIdAsync() => app.WithDbAsync(db => db.Crosswalks.Where(c => c.IsSample).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_sample_crosswalk_states_the_merge_and_its_history_keeps_every_save()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var id = await SampleCrosswalkIdAsync();
        var view = await (await coordinator.GetAsync(new Uri($"/api/crosswalks/{id}", UriKind.Relative))).JsonAsync();
        var rows = view.GetProperty("entries").EnumerateArray().ToList();
        var merge = rows.Single(r => r.GetProperty("to").EnumerateArray().Select(c => c.GetString()).SequenceEqual(["1.1"]));
        Assert.Equal("many-to-one", merge.GetProperty("kind").GetString());
        Assert.Equal(["1.1", "1.2"], merge.GetProperty("from").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("manual", merge.GetProperty("match").GetString());
        Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "removed" && r.GetProperty("from")[0].GetString() == "1.6");
        Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "new" && r.GetProperty("to")[0].GetString() == "1.5");
        Assert.Contains(rows, r => r.GetProperty("from")[0].GetString() == "1.3.1" && r.GetProperty("to")[0].GetString() == "1.2.1" && r.GetProperty("match").GetString() == "title");
        Assert.Empty(view.GetProperty("warnings").EnumerateArray());

        var history = await (await coordinator.GetAsync(new Uri($"/api/crosswalks/{id}/history", UriKind.Relative))).JsonAsync();
        Assert.Equal(["edited", "suggested"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));

        // The pair is stored once.
        var (old, @new) = await FrameworkIdsAsync();
        await (await coordinator.PostAsJsonAsync(Crosswalks, new { fromFrameworkRecordId = old, toFrameworkRecordId = @new })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await coordinator.PostAsJsonAsync(Crosswalks, new { fromFrameworkRecordId = old, toFrameworkRecordId = old })).AssertProblemAsync(HttpStatusCode.BadRequest);
        using var editor = await app.LoginAsync("editor.bacgiang");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Crosswalks)).StatusCode);
    }

    [Fact]
    public async Task Edits_are_checked_whole_and_an_import_replaces_only_when_asked()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (old, @new) = await FrameworkIdsAsync();
        // The reverse direction is a pair of its own.
        var created = await coordinator.PostAsJsonAsync(Crosswalks, new { fromFrameworkRecordId = @new, toFrameworkRecordId = old });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.JsonAsync();
        var id = view.GetProperty("id").GetInt32();
        var link = new Uri($"/api/crosswalks/{id}", UriKind.Relative);
        var entries = view.GetProperty("entries").EnumerateArray()
            .Select(e => new { kind = e.GetProperty("kind").GetString(), from = Codes(e, "from"), to = Codes(e, "to") })
            .ToList();

        // An unknown code and a wrong shape name their row; nothing is saved.
        var bad = entries.Append(new { kind = (string?)"one-to-one", from = (string[])["9.9.9"], to = (string[])["1.1"] }).ToList();
        var detail = await (await coordinator.PutAsJsonAsync(link, new { version = 1, entries = bad })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"Dòng {bad.Count}", detail, StringComparison.Ordinal);
        Assert.Contains("9.9.9", detail, StringComparison.Ordinal);
        var shape = entries.Append(new { kind = (string?)"many-to-one", from = (string[])["1.6"], to = (string[])[] }).ToList();
        await (await coordinator.PutAsJsonAsync(link, new { version = 1, entries = shape })).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Dropping a row (kind inferred) saves, leaves a warning and a history line; a stale version is refused.
        var fewer = entries.Where(e => !e.from.SequenceEqual(["1.6"])).Select(e => new { kind = (string?)null, e.from, e.to }).ToList();
        var saved = await (await coordinator.PutAsJsonAsync(link, new { version = 1, entries = fewer })).JsonAsync();
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        Assert.Contains(saved.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("1.6", StringComparison.Ordinal));
        await (await coordinator.PutAsJsonAsync(link, new { version = 1, entries = fewer })).AssertProblemAsync(HttpStatusCode.Conflict);

        // Export, then import: refused while the pair exists, replaced when asked.
        var file = await coordinator.GetStringAsync(new Uri($"/api/crosswalks/{id}/file", UriKind.Relative));
        Assert.StartsWith("{\n  \"format\": \"parindex-crosswalk/1\"", file, StringComparison.Ordinal);
        using (var body = new StringContent(file, Encoding.UTF8, "application/json"))
        {
            await (await coordinator.PostAsync(new Uri("/api/crosswalks/import", UriKind.Relative), body)).AssertProblemAsync(HttpStatusCode.Conflict);
        }

        var dropped = entries.Single(e => e.from.SequenceEqual(["1.6"]));
        var row = $"{{ \"kind\": \"{dropped.kind}\", \"from\": [\"1.6\"], \"to\": [{string.Join(", ", dropped.to.Select(c => $"\"{c}\""))}] }},";
        var withRow = file.Replace("\"entries\": [", "\"entries\": [\n    " + row, StringComparison.Ordinal);
        using (var body = new StringContent(withRow, Encoding.UTF8, "application/json"))
        {
            var replaced = await (await coordinator.PostAsync(new Uri("/api/crosswalks/import?replace=true", UriKind.Relative), body)).JsonAsync();
            Assert.Equal(3, replaced.GetProperty("version").GetInt32());
            Assert.Empty(replaced.GetProperty("warnings").EnumerateArray());
        }

        using (var body = new StringContent("{\"format\": \"parindex-crosswalk/1\", \"from\": 1}", Encoding.UTF8, "application/json"))
        {
            await (await coordinator.PostAsync(new Uri("/api/crosswalks/import", UriKind.Relative), body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var history = await (await coordinator.GetAsync(new Uri($"/api/crosswalks/{id}/history", UriKind.Relative))).JsonAsync();
        Assert.Equal(["imported", "edited", "suggested"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Contains($"Bỏ 1 dòng: 1.6 → {string.Join(", ", dropped.to)} ({dropped.kind})", history[1].GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merged_leaf_is_compared_combined_and_a_new_one_is_not_comparable()
    {
        var (oldId, newId) = await FrameworkIdsAsync();
        var unitId = await app.WithDbAsync(async db =>
        {
            var unit = new Unit { Code = "XW-" + Guid.NewGuid().ToString("N")[..6], Name = "Tỉnh so sánh", Kind = "province" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        var old = BuiltInFrameworks.Province2023;
        var previous = await CampaignAsync(oldId, old, unitId, 2023, null, code => code switch
        {
            "1.1" => 1.5m,  // full
            "1.2" => 0m,    // nothing: the merged 1.1 was at 1,5 / 2 = 75 %
            "1.6" => 0.5m,
            _ => null,
        });
        var current = await CampaignAsync(newId, DemoCrosswalkSeeder.Sample2024(old), unitId, 2024, previous, code => code switch
        {
            "1.1" => 2m,    // 100 %
            "1.5" => 1m,
            _ => null,
        });

        using var coordinator = await app.LoginAsync("coordinator");
        var card = await (await coordinator.GetAsync(new Uri($"/api/campaigns/{current}/results/units/{unitId}", UriKind.Relative))).JsonAsync();
        var changes = card.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c);
        Assert.Equal("combined", changes["1.1"].GetProperty("comparison").GetString());
        Assert.Equal(75m, changes["1.1"].GetProperty("previous").GetDecimal());
        Assert.Equal(25m, changes["1.1"].GetProperty("change").GetDecimal());
        Assert.Equal(["1.1", "1.2"], changes["1.1"].GetProperty("previousCodes").EnumerateArray().Select(c => c.GetString()));
        // 1.5 is new (the old 1.6 was removed): no counterpart, no change.
        Assert.Equal("not-comparable", changes["1.5"].GetProperty("comparison").GetString());
        Assert.Equal(JsonValueKind.Null, changes["1.5"].GetProperty("change").ValueKind);
        Assert.Equal(JsonValueKind.Null, changes["1.5"].GetProperty("previous").ValueKind);
        Assert.Equal("direct", changes["1.2.1"].GetProperty("comparison").GetString());
        Assert.Equal(["1.3.1"], changes["1.2.1"].GetProperty("previousCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("direct", changes["1"].GetProperty("comparison").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("comparisonNote").ValueKind);

        // The staff page shows the words, never a number, for the node without a counterpart.
        var page = await coordinator.GetStringAsync(new Uri($"/campaigns/{current}/units/{unitId}/change", UriKind.Relative));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Assert.Contains("không so sánh được", html.QuerySelector("tr[data-code='1.5']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(gộp)", html.QuerySelector("tr[data-code='1.1']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollover_carries_units_assignments_and_quotas_and_offers_last_years_explanations()
    {
        var (_, newId) = await FrameworkIdsAsync();
        var source = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == DemoSeeder.CampaignName).Select(c => c.Id).SingleAsync());
        var bacGiang = await app.AssessmentIdAsync(DemoUnits.BacGiangCode);
        var bgUnit = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == bacGiang).Select(a => a.UnitId).SingleAsync());
        var evidenceId = await app.WithDbAsync(async db =>
        {
            await SetExplanationAsync(db, bacGiang, "1.1", "Kế hoạch CCHC năm 2023 ban hành đúng hạn.");
            await SetExplanationAsync(db, bacGiang, "1.2", "Báo cáo quý gửi đủ 4 kỳ.");
            await SetExplanationAsync(db, bacGiang, "1.3.1", "Kiểm tra 12 cơ quan.");
            db.AppraiserAssignments.Add(new AppraiserAssignment { CampaignId = source, UserName = "appraiser", UnitId = bgUnit, CodePrefix = "1.3" });
            db.AppraiserAssignments.Add(new AppraiserAssignment { CampaignId = source, UserName = "chair", CodePrefix = "1.6" });
            await db.SaveChangesAsync();
            return Guid.Empty;
        });
        using (var editor = await app.LoginAsync("editor.bacgiang"))
        {
            var upload = await UploadAsync(editor, bacGiang, "1.1");
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            evidenceId = (await upload.JsonAsync()).GetProperty("id").GetGuid();
        }

        var sourceQuotas = await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(q => q.CampaignId == source));
        Assert.True(sourceQuotas > 0);
        using var coordinator = await app.LoginAsync("coordinator");
        var crosswalkId = await SampleCrosswalkIdAsync();
        var rolloverLink = new Uri($"/api/campaigns/{source}/rollover", UriKind.Relative);
        await (await coordinator.PostAsJsonAsync(rolloverLink, new { name = "PAR INDEX 2024", year = 2023, frameworkRecordId = newId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var response = await coordinator.PostAsJsonAsync(rolloverLink, new { name = "PAR INDEX 2024 cấp tỉnh", year = 2024, frameworkRecordId = newId, crosswalkId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.JsonAsync();
        var campaignId = result.GetProperty("campaignId").GetInt32();
        Assert.Equal(2, result.GetProperty("units").GetInt32());
        Assert.Equal(3, result.GetProperty("assignments").GetInt32());
        Assert.Equal(1, result.GetProperty("appraiserAssignments").GetInt32());
        Assert.Equal(sourceQuotas, result.GetProperty("quotas").GetInt32());
        Assert.Contains(result.GetProperty("notCarried").EnumerateArray(), n => n.GetString()!.Contains("1.6", StringComparison.Ordinal));

        var carried = await app.WithDbAsync(async db => new
        {
            Campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId),
            Units = await db.Assessments.Where(a => a.CampaignId == campaignId).Select(a => a.UnitId).OrderBy(u => u).ToListAsync(),
            OldUnits = await db.Assessments.Where(a => a.CampaignId == source).Select(a => a.UnitId).OrderBy(u => u).ToListAsync(),
            Assignments = await db.Assignments.Where(a => a.Assessment!.CampaignId == campaignId).Select(a => a.CodePrefix).OrderBy(c => c).ToListAsync(),
            Appraiser = await db.AppraiserAssignments.SingleAsync(a => a.CampaignId == campaignId),
            Scores = await db.LeafEntries.CountAsync(e => e.Assessment!.CampaignId == campaignId),
        });
        Assert.Equal(source, carried.Campaign.PreviousCampaignId);
        Assert.Equal(carried.OldUnits, carried.Units);
        Assert.Equal(["2", "6", "7"], carried.Assignments);
        Assert.Equal("1.2", carried.Appraiser.CodePrefix); // 1.3 was renumbered
        Assert.Equal(0, carried.Scores);                    // never last year's score

        var newAssessment = await app.AssessmentIdAsync(DemoUnits.BacGiangCode, "PAR INDEX 2024 cấp tỉnh");
        using var unit = await app.LoginAsync("editor.bacgiang");
        var list = (await (await unit.GetAsync(new Uri($"/api/assessments/{newAssessment}/suggestions", UriKind.Relative))).JsonAsync()).EnumerateArray().ToList();
        var merged = list.Single(s => s.GetProperty("leafCode").GetString() == "1.1");
        Assert.Equal("1.1, 1.2", merged.GetProperty("sourceLeafCodes").GetString());
        Assert.Equal("[1.1] Kế hoạch CCHC năm 2023 ban hành đúng hạn.\n\n[1.2] Báo cáo quý gửi đủ 4 kỳ.", merged.GetProperty("explanation").GetString());
        Assert.Equal(evidenceId, merged.GetProperty("evidence")[0].GetProperty("id").GetGuid());
        Assert.DoesNotContain(list, s => s.GetProperty("leafCode").GetString() == "1.5");
        var renumbered = list.Single(s => s.GetProperty("leafCode").GetString() == "1.2.1");
        Assert.Equal("pending", renumbered.GetProperty("state").GetString());

        // Accept: the explanation and a copy of the evidence are this year's; ignore: nothing changes.
        var accepted = await (await unit.PostAsync(new Uri($"/api/assessments/{newAssessment}/suggestions/{merged.GetProperty("id").GetInt32()}/accept", UriKind.Relative), null)).JsonAsync();
        Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        await (await unit.PostAsync(new Uri($"/api/assessments/{newAssessment}/suggestions/{merged.GetProperty("id").GetInt32()}/ignore", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var ignored = await (await unit.PostAsync(new Uri($"/api/assessments/{newAssessment}/suggestions/{renumbered.GetProperty("id").GetInt32()}/ignore", UriKind.Relative), null)).JsonAsync();
        Assert.Equal("ignored", ignored.GetProperty("state").GetString());

        var assessment = await unit.GetAssessmentAsync(newAssessment);
        var leaf = assessment.Leaf("1.1");
        Assert.Equal(merged.GetProperty("explanation").GetString(), leaf.GetProperty("explanation").GetString());
        Assert.Equal(JsonValueKind.Null, leaf.GetProperty("points").ValueKind);
        var copies = await app.WithDbAsync(db => db.EvidenceFiles.Where(f => f.AssessmentId == newAssessment).Include(f => f.Leaves).ToListAsync());
        var copy = Assert.Single(copies);
        Assert.NotEqual(evidenceId, copy.Id);
        Assert.Equal(["1.1"], copy.Leaves.Select(l => l.LeafCode));
        Assert.Equal(await app.WithDbAsync(db => db.EvidenceFiles.Where(f => f.Id == evidenceId).Select(f => f.Sha256).SingleAsync()), copy.Sha256);
        Assert.Equal("", assessment.Leaf("1.2.1").GetProperty("explanation").GetString());
        using var other = await app.LoginAsync("editor.langson");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"/api/assessments/{newAssessment}/suggestions", UriKind.Relative))).StatusCode);
    }

    private static string[] Codes(JsonElement entry, string side) => entry.GetProperty(side).EnumerateArray().Select(c => c.GetString()!).ToArray();

    private static async Task SetExplanationAsync(ParIndexDbContext db, int assessmentId, string code, string text)
    {
        var entry = await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == assessmentId && e.LeafCode == code);
        if (entry is null)
        {
            entry = new LeafEntry { AssessmentId = assessmentId, LeafCode = code, UpdatedAt = DateTime.UtcNow };
            db.LeafEntries.Add(entry);
        }

        entry.Explanation = text;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string leaf)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestFiles.Pdf(64));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "Kế hoạch CCHC 2023.pdf");
        content.Add(new StringContent(leaf), "leafCodes");
        content.Add(new StringContent("41/KH-UBND"), "documentNumber");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/evidence", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(client));
        return await client.SendAsync(request);
    }

    /// <summary>A final campaign of one unit: the given leaves at the given points, every other leaf at zero.</summary>
    private Task<int> CampaignAsync(int frameworkRecordId, Framework framework, int unitId, int year, int? previous, Func<string, decimal?> points) =>
        app.WithDbAsync(async db =>
        {
            var campaign = new Campaign { Name = $"So sánh {year} {Guid.NewGuid():N}"[..30], Year = year, FrameworkRecordId = frameworkRecordId, CreatedAt = DateTime.UtcNow, PreviousCampaignId = previous };
            var assessment = new Assessment { Campaign = campaign, UnitId = unitId, Status = AssessmentStatus.Final };
            foreach (var leaf in framework.Leaves())
            {
                var value = points(leaf.Code) ?? 0m;
                assessment.Entries.Add(leaf.IsSurvey
                    ? new LeafEntry { LeafCode = leaf.Code, SurveyScore = value, UpdatedAt = DateTime.UtcNow }
                    : new LeafEntry { LeafCode = leaf.Code, Points = value, AppraisedScore = value, UpdatedAt = DateTime.UtcNow });
            }

            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
}

public sealed class CrosswalkAndRolloverTestsOnSqlite(SqliteAppFixture app) : CrosswalkAndRolloverTests<SqliteAppFixture>(app);

public sealed class CrosswalkAndRolloverTestsOnPostgres(PostgresAppFixture app) : CrosswalkAndRolloverTests<PostgresAppFixture>(app);
