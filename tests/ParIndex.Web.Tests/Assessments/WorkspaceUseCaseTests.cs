using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Assessments;

/// <summary>
/// The checklist before a workflow step (computed by the use case, read over the API) and the
/// reuse of an uploaded document on more leaves, with its unit scope and state rules (ADR 0128).
/// </summary>
public abstract class WorkspaceUseCaseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static async Task<JsonElement> ChecklistAsync(HttpClient client, int id, string action)
    {
        var response = await client.GetAsync(new Uri($"/api/assessments/{id}/checklist/{action}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static IEnumerable<JsonElement> Leaves(JsonElement assessment) =>
        assessment.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("leaf").ValueKind == JsonValueKind.Object && !n.GetProperty("isSurvey").GetBoolean());

    private static List<string> Codes(JsonElement checklist, string list) =>
        checklist.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, int id, Guid evidence, params string[] codes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/evidence/{evidence}/leaves", UriKind.Relative))
        {
            Content = JsonContent.Create(new { leafCodes = codes }),
        };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(client));
        return await client.SendAsync(request);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, int id, string leaf)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(TestFiles.Pdf(200)), "file", "quyet-dinh.pdf");
        content.Add(new StringContent(leaf), "leafCodes");
        content.Add(new StringContent("12/QĐ-UBND"), "documentNumber");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/evidence", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(client));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_submit_checklist_lists_unscored_and_unjustified_leaves_and_unfinished_assignments()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var assessment = await editor.GetAssessmentAsync(id);
        var manual = Leaves(assessment).Where(n => n.GetProperty("leaf").GetProperty("method").GetString() == "manual").ToList();

        // A leaf of field 2 (assigned to the Justice department) emptied; a leaf of field 1 claiming points with nothing behind it.
        var emptied = manual.First(n => n.GetProperty("code").GetString()!.StartsWith("2.", StringComparison.Ordinal));
        var emptiedCode = emptied.GetProperty("code").GetString()!;
        var save = await editor.SaveLeafAsync(id, emptiedCode, new { version = emptied.GetProperty("leaf").GetProperty("version").GetInt32(), score = (decimal?)null, explanation = "" });
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var claiming = manual.First(n => n.GetProperty("code").GetString()!.StartsWith("1.", StringComparison.Ordinal) && n.GetProperty("leaf").GetProperty("evidence").GetArrayLength() == 0);
        var claimingCode = claiming.GetProperty("code").GetString()!;
        save = await editor.SaveLeafAsync(id, claimingCode, new { version = claiming.GetProperty("leaf").GetProperty("version").GetInt32(), score = claiming.GetProperty("max").GetDecimal(), explanation = "" });
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);

        using var lead = await app.LoginAsync("lead.bacgiang");
        var checklist = await ChecklistAsync(lead, id, "submit");
        Assert.True(checklist.GetProperty("allowed").GetBoolean());
        Assert.False(checklist.GetProperty("complete").GetBoolean());
        Assert.Contains(emptiedCode, Codes(checklist, "unscored"));
        Assert.Contains(claimingCode, Codes(checklist, "withoutJustification"));
        Assert.DoesNotContain(claimingCode, Codes(checklist, "unscored"));
        var assignment = Assert.Single(checklist.GetProperty("unfinishedAssignments").EnumerateArray(), a => a.GetProperty("codePrefix").GetString() == "2");
        Assert.True(assignment.GetProperty("leavesDone").GetInt32() < assignment.GetProperty("leavesTotal").GetInt32());

        // Exactly the leaves the page shows as not done, no survey leaf among them.
        var notDone = Leaves(await lead.GetAssessmentAsync(id)).Where(n => !n.GetProperty("leaf").GetProperty("done").GetBoolean()).Select(n => n.GetProperty("code").GetString()!).ToList();
        Assert.Equal(notDone, Codes(checklist, "unscored"));
        Assert.Contains("Hội đồng thẩm định", checklist.GetProperty("next").GetProperty("text").GetString(), StringComparison.Ordinal);

        // The same decision as the step itself: an editor may not submit, and a draft cannot be withdrawn.
        var byEditor = await ChecklistAsync(editor, id, "submit");
        Assert.False(byEditor.GetProperty("allowed").GetBoolean());
        Assert.False(string.IsNullOrEmpty(byEditor.GetProperty("refusal").GetString()));
        Assert.False((await ChecklistAsync(lead, id, "withdraw")).GetProperty("allowed").GetBoolean());
        await (await lead.GetAsync(new Uri($"/api/assessments/{id}/checklist/sideways", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Draft", await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task A_document_is_reused_on_another_leaf_of_the_same_assessment_only_within_scope_and_state()
    {
        var ls = await app.AssessmentIdAsync("LS");
        var bg = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.langson");
        var document = await UploadAsync(editor, ls, "1.1");

        var attached = await AttachAsync(editor, ls, document, "1.2");
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal(["1.1", "1.2"], (await attached.JsonAsync()).GetProperty("leafCodes").EnumerateArray().Select(c => c.GetString()!).ToList());
        Assert.Contains((await editor.GetAssessmentAsync(ls)).Leaf("1.2").GetProperty("evidence").EnumerateArray(), e => e.GetProperty("id").GetGuid() == document);
        Assert.Equal(1, await app.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.Id == document)));
        Assert.True(await app.WithDbAsync(db => db.History.AnyAsync(h => h.AssessmentId == ls && h.LeafCode == "1.2" && h.Field == "Evidence")));

        // Not a leaf; another unit's assessment; a document of another assessment.
        await (await AttachAsync(editor, ls, document, "1")).AssertProblemAsync(HttpStatusCode.BadRequest);
        using var bacGiang = await app.LoginAsync("editor.bacgiang");
        await (await AttachAsync(bacGiang, ls, document, "2.3")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await AttachAsync(bacGiang, bg, document, "2.3")).AssertProblemAsync(HttpStatusCode.NotFound);

        // A contributing agency neither reuses a document it may not see nor attaches to a leaf not assigned to it.
        var bgDocument = await UploadAsync(bacGiang, bg, "1.2");
        using var justice = await app.LoginAsync("editor.stp");
        await (await AttachAsync(justice, bg, bgDocument, "2.3")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var justiceDocument = await UploadAsync(justice, bg, "2.3");
        await (await AttachAsync(justice, bg, justiceDocument, "1.1")).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Once submitted, nothing more is attached.
        using var lead = await app.LoginAsync("lead.langson");
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{ls}/submit", UriKind.Relative)))
        {
            request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(lead));
            Assert.Equal(HttpStatusCode.OK, (await lead.SendAsync(request)).StatusCode);
        }

        await (await AttachAsync(editor, ls, document, "2.3")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, await app.WithDbAsync(db => db.EvidenceFiles.Where(f => f.Id == document).SelectMany(f => f.Leaves).CountAsync()));
    }

    /// <summary>
    /// The save answers from one read of the rows (issue 15): its leaf, totals (with the count of
    /// leaves claiming points without explanation or evidence) and node points are what a fresh read
    /// of the assessment shows, for a leaf with evidence and one without.
    /// </summary>
    [Fact]
    public async Task A_save_answers_with_the_leaf_totals_and_points_a_fresh_read_shows()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var manual = Leaves(await editor.GetAssessmentAsync(id))
            .Where(n => n.GetProperty("leaf").GetProperty("method").GetString() == "manual" && n.GetProperty("max").GetDecimal() >= 0.5m
                && n.GetProperty("code").GetString()!.StartsWith("1.", StringComparison.Ordinal))
            .Select(n => n.GetProperty("code").GetString()!).Take(2).ToList();
        var (withEvidence, without) = (manual[0], manual[1]);
        async Task<JsonElement> SaveAsync(string code)
        {
            var version = (await editor.GetAssessmentAsync(id)).Leaf(code).GetProperty("version").GetInt32();
            var response = await editor.SaveLeafAsync(id, code, new { version, score = version % 2 == 0 ? 0.5m : 0.25m, explanation = "" });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{code} v{version}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.JsonAsync();
        }

        await SaveAsync(withEvidence);
        await UploadAsync(editor, id, withEvidence);
        foreach (var code in new[] { without, withEvidence, without })
        {
            var saved = await SaveAsync(code);
            var read = await editor.GetAssessmentAsync(id);
            Assert.Equal(WorkspaceJson.Canonical(read.Leaf(code)), WorkspaceJson.Canonical(saved.GetProperty("leaf")));
            Assert.Equal(WorkspaceJson.Canonical(read.GetProperty("totals")), WorkspaceJson.Canonical(saved.GetProperty("totals")));
            var points = read.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("code").GetString()!, n => n.GetProperty("points").GetDecimal());
            Assert.Equal(points, saved.GetProperty("nodePoints").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal()));
        }

        var final = await editor.GetAssessmentAsync(id);
        Assert.NotEmpty(final.Leaf(withEvidence).GetProperty("evidence").EnumerateArray());
        Assert.False(final.Leaf(withEvidence).GetProperty("needsJustification").GetBoolean());
        Assert.Equal(Leaves(final).Count(n => n.GetProperty("leaf").GetProperty("needsJustification").GetBoolean()),
            final.GetProperty("totals").GetProperty("leavesFlagged").GetInt32());
    }
}

/// <summary>Helpers of <see cref="WorkspaceUseCaseTests{TFixture}"/>.</summary>
internal static class WorkspaceJson
{
    /// <summary>
    /// The JSON with every number written without trailing zeros: PostgreSQL's numeric gives a read
    /// its column's scale (0.2500000000) where the save answers with the value it was given (0.25).
    /// </summary>
    public static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Number => element.GetDecimal().ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
        _ => element.GetRawText(),
    };
}

public sealed class WorkspaceUseCaseTestsOnSqlite(SqliteAppFixture app) : WorkspaceUseCaseTests<SqliteAppFixture>(app);

public sealed class WorkspaceUseCaseTestsOnPostgres(PostgresAppFixture app) : WorkspaceUseCaseTests<PostgresAppFixture>(app);
