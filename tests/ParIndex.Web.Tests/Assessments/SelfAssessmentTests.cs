using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Web.Assessments;
using ParIndex.Web.Campaigns;
using ParIndex.Web.Problems;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Assessments;

/// <summary>Reading and saving the self-assessment through the API, on each database.</summary>
public abstract class SelfAssessmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Imported_demo_assessment_has_the_seed_totals()
    {
        using var editor = await app.LoginAsync("editor.bacgiang");
        var assessment = await editor.GetAssessmentAsync(await app.AssessmentIdAsync("BG"));
        var totals = assessment.GetProperty("totals");
        Assert.Equal(65.249m, totals.GetProperty("points").GetDecimal());
        Assert.Equal(100m, totals.GetProperty("max").GetDecimal());
        Assert.Equal(68m, totals.GetProperty("selfAssessableMax").GetDecimal());
        var fields = totals.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("points").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["1"] = 9.5m,
            ["2"] = 6m,
            ["3"] = 12.9829m,
            ["4"] = 6.4384m,
            ["5"] = 5m,
            ["6"] = 7.7493m,
            ["7"] = 11.9673m,
            ["8"] = 5.6111m,
        }, fields);
        var leaf = assessment.Leaf("4.1.3");
        Assert.Equal(0.9384m, leaf.GetProperty("points").GetDecimal());
        Assert.Contains("1.055", leaf.GetProperty("memo").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Năm 2023, Thực hiện Kế hoạch số 41/KH-UBND", assessment.Leaf("1.3.1").GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_ratio_leaf_computes_points_memo_and_new_totals()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var response = await editor.SaveLeafAsync(id, "3.4.1", new { version = 0, figures = new { numerator = "999", denominator = "1000" }, explanation = "Tỷ lệ 99,9%" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal(1.4985m, result.GetProperty("leaf").GetProperty("points").GetDecimal());
        Assert.Equal(1, result.GetProperty("leaf").GetProperty("version").GetInt32());
        Assert.Contains("1,4985 điểm", result.GetProperty("leaf").GetProperty("memo").GetString(), StringComparison.Ordinal);
        Assert.Equal(1.4985m, result.GetProperty("nodePoints").GetProperty("3").GetDecimal());
        Assert.True(result.GetProperty("totals").GetProperty("points").GetDecimal() >= 1.4985m);

        var history = await editor.GetFromJsonAsync<JsonElement>(new Uri($"/api/assessments/{id}/leaves/3.4.1/history", UriKind.Relative));
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "Points" && h.GetProperty("newValue").GetString() == "1.4985" && h.GetProperty("userName").GetString() == "editor.langson");
    }

    [Fact]
    public async Task A_score_above_the_maximum_is_refused_and_nothing_is_saved()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var before = (await editor.GetAssessmentAsync(id)).Leaf("1.2");
        var response = await editor.SaveLeafAsync(id, "1.2", new { version = before.GetProperty("version").GetInt32(), score = "0,75" });
        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("1.2", detail, StringComparison.Ordinal);
        Assert.Contains("0,5", detail, StringComparison.Ordinal);
        var after = (await editor.GetAssessmentAsync(id)).Leaf("1.2");
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Two_concurrent_saves_of_one_leaf_the_second_gets_409_and_nothing_is_overwritten()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var first = await app.LoginAsync("editor.bacgiang");
        using var second = await app.LoginAsync("lead.bacgiang");
        var version = (await first.GetAssessmentAsync(id)).Leaf("1.4").GetProperty("version").GetInt32();

        var saved = await first.SaveLeafAsync(id, "1.4", new { version, score = "1", explanation = "Bản của người thứ nhất" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await second.SaveLeafAsync(id, "1.4", new { version, score = "0,5", explanation = "Bản của người thứ hai" });
        var detail = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(AssessmentService.StaleLeafMessage, detail);
        Assert.StartsWith("Đã có người khác lưu tiêu chí này", detail, StringComparison.Ordinal);

        var leaf = (await second.GetAssessmentAsync(id)).Leaf("1.4");
        Assert.Equal("Bản của người thứ nhất", leaf.GetProperty("explanation").GetString());
        Assert.Equal(1m, leaf.GetProperty("points").GetDecimal());
        Assert.Equal(version + 1, leaf.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Parallel_saves_with_the_same_version_exactly_one_wins()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var a = await app.LoginAsync("editor.langson");
        using var b = await app.LoginAsync("editor.langson");
        var version = (await a.GetAssessmentAsync(id)).Leaf("1.6").GetProperty("version").GetInt32();
        var responses = await Task.WhenAll(
            a.SaveLeafAsync(id, "1.6", new { version, score = 1, explanation = "A" }),
            b.SaveLeafAsync(id, "1.6", new { version, score = 0.5, explanation = "B" }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var winnerText = (await winner.JsonAsync()).GetProperty("leaf").GetProperty("explanation").GetString();
        Assert.Equal(winnerText, (await a.GetAssessmentAsync(id)).Leaf("1.6").GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Submit_withdraw_and_deadline_rules()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/units", UriKind.Relative));
        var bg = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "BG").GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/frameworks", UriKind.Relative));
        var created = await coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            name = "Kỳ thử quy trình " + app.ProviderName,
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = new[] { bg },
            selfAssessmentDeadline = DateTime.UtcNow.AddDays(10),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.JsonAsync();
        var campaignId = campaign.GetProperty("id").GetInt32();
        var id = campaign.GetProperty("units")[0].GetProperty("assessmentId").GetInt32();

        using var editor = await app.LoginAsync("editor.bacgiang");
        using var lead = await app.LoginAsync("lead.bacgiang");
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = 0, score = "1,5", explanation = "Hoàn thành" })).StatusCode);

        // Only the unit lead submits.
        await (await editor.PostAsync(new Uri($"/api/assessments/{id}/submit", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var submitted = await lead.PostAsync(new Uri($"/api/assessments/{id}/submit", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var view = await submitted.JsonAsync();
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.False(view.GetProperty("editable").GetBoolean());

        // Submitted: editing is locked.
        var locked = await editor.SaveLeafAsync(id, "1.1", new { version = 1, score = "1" });
        Assert.Contains("Đã gửi", await locked.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);

        // Withdraw until appraisal starts; then editing works again.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(new Uri($"/api/assessments/{id}/withdraw", UriKind.Relative), null)).StatusCode);
        await (await lead.PostAsync(new Uri($"/api/assessments/{id}/withdraw", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = 1, score = "1" })).StatusCode);

        // The deadline passes: editing and submitting are locked…
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(new Uri($"/api/campaigns/{campaignId}/deadline", UriKind.Relative), new { deadline = DateTime.UtcNow.AddMinutes(-1) })).StatusCode);
        Assert.Contains("quá hạn", await (await editor.SaveLeafAsync(id, "1.1", new { version = 2, score = "0,5" })).AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        await (await lead.PostAsync(new Uri($"/api/assessments/{id}/submit", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);

        // …unless the coordinator grants this unit an exception.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(new Uri($"/api/assessments/{id}/deadline-exception", UriKind.Relative), new { deadline = DateTime.UtcNow.AddDays(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = 2, score = "0,5" })).StatusCode);

        // Once appraisal starts, withdrawal is refused.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(new Uri($"/api/assessments/{id}/submit", UriKind.Relative), null)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
            assessment.Status = ParIndex.Core.Workflow.AssessmentStatus.UnderAppraisal;
            return await db.SaveChangesAsync();
        });
        Assert.Contains("thẩm định", await (await lead.PostAsync(new Uri($"/api/assessments/{id}/withdraw", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);

        var history = await lead.GetFromJsonAsync<JsonElement>(new Uri($"/api/assessments/{id}/history", UriKind.Relative));
        Assert.Equal(2, history.EnumerateArray().Count(h => h.GetProperty("field").GetString() == "Status" && h.GetProperty("newValue").GetString() == "Submitted"));
    }

    [Fact]
    public async Task A_contributing_department_edits_only_its_assigned_field()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var justice = await app.LoginAsync("editor.stp");
        var assessment = await justice.GetAssessmentAsync(id);
        Assert.True(assessment.Leaf("2.1.1").GetProperty("canEdit").GetBoolean());
        // Other fields are not even shown to a contributing department (ADR 0107).
        Assert.DoesNotContain(assessment.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("code").GetString() == "1.1");
        var version = assessment.Leaf("2.2.1").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await justice.SaveLeafAsync(id, "2.2.1", new { version, score = "0,5", explanation = "Công bố theo quy định (Sở Tư pháp)" })).StatusCode);
        await (await justice.SaveLeafAsync(id, "1.1", new { version = 1, score = "1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_explanation_over_the_limit_gets_400_naming_the_field_and_nothing_is_saved()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var before = (await editor.GetAssessmentAsync(id)).Leaf("1.6");
        var version = before.GetProperty("version").GetInt32();

        var response = await editor.SaveLeafAsync(id, "1.6", new { version, score = "1", explanation = new string('a', TextLimits.Explanation + 1) });
        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("20.000", detail, StringComparison.Ordinal);
        var errors = (await editor.SaveLeafAsync(id, "1.6", new { version, explanation = new string('a', 1_048_576) })).JsonAsync();
        Assert.True((await errors).GetProperty("errors").TryGetProperty("explanation", out _));
        var after = (await editor.GetAssessmentAsync(id)).Leaf("1.6");
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("explanation").GetString(), after.GetProperty("explanation").GetString());

        // Exactly the limit is accepted on both databases.
        var longest = string.Concat(Enumerable.Repeat("Giải trình ", TextLimits.Explanation / 11)).PadRight(TextLimits.Explanation, 'x');
        var saved = await editor.SaveLeafAsync(id, "1.6", new { version, score = "1", explanation = longest });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(longest, (await saved.JsonAsync()).GetProperty("leaf").GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Control_characters_in_an_explanation_are_removed_not_a_409_or_a_500()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var version = (await editor.GetAssessmentAsync(id)).Leaf("1.7").GetProperty("version").GetInt32();

        // PostgreSQL refuses NUL in text; it used to come back as "someone else saved" (409).
        var response = await editor.SaveLeafAsync(id, "1.7", new { version, score = "1", explanation = "Đã\u0000 hoàn\u0007 thành\tđúng hạn\r\nDòng 2", reason = "sửa\u0000" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Đã hoàn thành\tđúng hạn\r\nDòng 2", (await response.JsonAsync()).GetProperty("leaf").GetProperty("explanation").GetString());
        var stored = await app.WithDbAsync(db => db.LeafEntries.SingleAsync(e => e.AssessmentId == id && e.LeafCode == "1.7"));
        Assert.Equal("Đã hoàn thành\tđúng hạn\r\nDòng 2", stored.Explanation);
    }

    [Fact]
    public async Task Only_a_lost_version_check_or_a_unique_key_counts_as_a_conflict()
    {
        var id = await app.AssessmentIdAsync("LS");
        var duplicate = await app.WithDbAsync(async db =>
        {
            db.LeafEntries.Add(new LeafEntry { AssessmentId = id, LeafCode = "1.3.1", Version = 1 });
            await db.SaveChangesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var other = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
            other.LeafEntries.Add(new LeafEntry { AssessmentId = id, LeafCode = "1.3.1", Version = 1 });
            return await Assert.ThrowsAnyAsync<DbUpdateException>(() => other.SaveChangesAsync());
        });
        Assert.True(ParIndex.Data.Providers.DbConflicts.IsConflict(duplicate));

        var missingParent = await app.WithDbAsync(async db =>
        {
            db.LeafEntries.Add(new LeafEntry { AssessmentId = int.MaxValue, LeafCode = "1.1" });
            return await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.False(ParIndex.Data.Providers.DbConflicts.IsConflict(missingParent));
    }

    [Fact]
    public async Task A_campaign_with_100000_unit_ids_gets_400_not_500()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/frameworks", UriKind.Relative));
        var before = await app.WithDbAsync(db => db.Campaigns.CountAsync());
        var response = await coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            name = "Kỳ quá nhiều đơn vị",
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = Enumerable.Range(1, 100_000).ToArray(),
        });
        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("20.000", detail, StringComparison.Ordinal);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("unitIds", out _));

        // Below the bound, unknown ids are named (the first few) without one SQL parameter per id.
        var unknown = await coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            name = "Kỳ đơn vị không có",
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = Enumerable.Range(1_000_000, CampaignService.MaxUnitsPerCampaign).ToArray(),
        });
        Assert.Contains("1000000", await unknown.AssertProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task Counts_typed_with_thousands_separators_are_saved_as_thousands_and_score_like_the_plain_number()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        // 7.3.6 (field 7, as 3.4.1: a ratio of hồ sơ, max 1,5), so that other tests' field totals stay put.
        var version = (await editor.GetAssessmentAsync(id)).Leaf("7.3.6").GetProperty("version").GetInt32();
        var plain = await editor.SaveLeafAsync(id, "7.3.6", new { version, figures = new { numerator = "14000", denominator = "14981" } });
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var expected = await plain.JsonAsync();
        Assert.Equal(1.4018m, expected.GetProperty("leaf").GetProperty("points").GetDecimal()); // 1,5 × 14000 / 14981

        // As the page shows counts (14.981), with a space, with a comma, and as JSON numbers: all the same save.
        object[] typed =
        [
            new { numerator = "14.000", denominator = "14.981" },
            new { numerator = "14 000", denominator = "14\u00a0981" },
            new { numerator = "14,000", denominator = " 14,981 " },
            new { numerator = 14000, denominator = 14981 },
        ];
        foreach (var figures in typed)
        {
            version++;
            var response = await editor.SaveLeafAsync(id, "7.3.6", new { version, figures });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = await response.JsonAsync();
            Assert.Equal(1.4018m, result.GetProperty("leaf").GetProperty("points").GetDecimal());
            Assert.Equal(expected.GetProperty("totals").GetProperty("points").GetDecimal(), result.GetProperty("totals").GetProperty("points").GetDecimal());
        }

        var stored = (await editor.GetAssessmentAsync(id)).Leaf("7.3.6").GetProperty("figures");
        Assert.Equal(14000m, stored.GetProperty("numerator").GetDecimal());
        Assert.Equal(14981m, stored.GetProperty("denominator").GetDecimal());

        // 4.1.3's inputs are counts of units: 1.055 is one thousand and fifty-five, as in the seed (0,9384).
        var expressionVersion = (await editor.GetAssessmentAsync(id)).Leaf("4.1.3").GetProperty("version").GetInt32();
        var expression = await editor.SaveLeafAsync(id, "4.1.3", new { version = expressionVersion, figures = new { @base = "1.055", now = "857" } });
        Assert.Equal(HttpStatusCode.OK, expression.StatusCode);
        Assert.Equal(0.9384m, (await expression.JsonAsync()).GetProperty("leaf").GetProperty("points").GetDecimal());
    }

    [Fact]
    public async Task A_fraction_in_a_count_is_refused_with_the_field_named_and_nothing_is_saved()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var before = (await editor.GetAssessmentAsync(id)).Leaf("3.4.3");
        var response = await editor.SaveLeafAsync(id, "3.4.3", new { version = before.GetProperty("version").GetInt32(), figures = new { numerator = "1.5", denominator = "abc" } });
        var problem = await AssertFieldProblemAsync(response);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("\"1.5\" không phải là số nguyên", errors.GetProperty("figures.numerator")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("\"abc\" không phải là số hợp lệ", errors.GetProperty("figures.denominator")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Số hồ sơ giải quyết đúng hạn: ", errors.GetProperty("figures.numerator")[0].GetString(), StringComparison.Ordinal);
        var after = (await editor.GetAssessmentAsync(id)).Leaf("3.4.3");
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("figures").GetRawText(), after.GetProperty("figures").GetRawText());
    }

    [Fact]
    public async Task A_score_that_is_not_a_number_is_a_problem_in_the_language_of_the_page()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var version = (await editor.GetAssessmentAsync(id)).Leaf("1.3.1").GetProperty("version").GetInt32();
        var problem = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "1.3.1", new { version, score = "abc" }));
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal("Điểm \"abc\" không phải là số hợp lệ (ví dụ 1,5).", problem.GetProperty("detail").GetString());
        Assert.Equal("Điểm \"abc\" không phải là số hợp lệ (ví dụ 1,5).", problem.GetProperty("errors").GetProperty("score")[0].GetString());

        // A score out of range names the field too, in both languages.
        var range = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "1.3.1", new { version, score = "99" }));
        Assert.Contains("phải từ 0 đến", range.GetProperty("errors").GetProperty("score")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(new Uri("/account/language/en", UriKind.Relative))).StatusCode);
        var english = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "1.3.1", new { version, score = "abc" }));
        Assert.Equal("Invalid data", english.GetProperty("title").GetString());
        Assert.Equal("The score \"abc\" is not a valid number (e.g. 1,5).", english.GetProperty("detail").GetString());
        Assert.Equal("The score \"abc\" is not a valid number (e.g. 1,5).", english.GetProperty("errors").GetProperty("score")[0].GetString());
        var englishRange = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "1.3.1", new { version, score = "99" }));
        Assert.StartsWith("The score of 1.3.1 must be between 0 and", englishRange.GetProperty("errors").GetProperty("score")[0].GetString(), StringComparison.Ordinal);
        var englishBinding = await AssertFieldProblemAsync(await PutRawAsync(editor, id, "1.3.1", "{\"version\": \"x\"}"));
        Assert.Equal("The value of \"version\" has the wrong type or cannot be read.", englishBinding.GetProperty("errors").GetProperty("version")[0].GetString());
    }

    [Theory]
    [InlineData("{\"version\": \"x\"}", "version")]
    [InlineData("{\"version\": 0, \"score\": true}", "score")]
    [InlineData("{\"version\": 0, \"score\": {\"a\": 1}}", "score")]
    [InlineData("{\"version\": 0, \"figures\": [1]}", "figures")]
    [InlineData("{\"version\": 0, \"notApplicable\": \"yes\"}", "notApplicable")]
    [InlineData("{\"version\": 0, \"explanation\": 5}", "explanation")]
    public async Task A_body_of_the_wrong_type_is_a_problem_naming_the_field(string body, string field)
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var problem = await AssertFieldProblemAsync(await PutRawAsync(editor, id, "1.3.2", body));
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        var message = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(field, message.Name);
        Assert.False(string.IsNullOrWhiteSpace(message.Value[0].GetString()));
    }

    [Theory]
    [InlineData("{\"version\": ")]
    [InlineData("{\"version\": 0, \"score\": abc}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task A_body_that_is_not_json_is_a_problem_in_vietnamese(string body)
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var response = await PutRawAsync(editor, id, "1.3.2", body);
        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Failed to read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LeafSaveRequest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var problem = await response.JsonAsync();
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(detail));
    }

    [Fact]
    public async Task A_body_that_is_not_sent_as_json_is_a_problem_in_vietnamese()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var response = await editor.PutAsync(new Uri($"/api/assessments/{id}/leaves/1.3.2", UriKind.Relative), new StringContent("{\"version\": 0}", System.Text.Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var problem = await response.JsonAsync();
        // Written by the status code pages (no exception): the title is put into the page's language.
        Assert.Equal("Loại nội dung không được hỗ trợ", problem.GetProperty("title").GetString());
        Assert.Equal("Hãy gửi dữ liệu dạng JSON (Content-Type: application/json).", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Expected a supported JSON media type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_figure_keys_and_a_level_on_a_leaf_without_levels_are_refused()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var version = (await editor.GetAssessmentAsync(id)).Leaf("3.4.3").GetProperty("version").GetInt32();
        var extra = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "3.4.3", new { version, figures = new Dictionary<string, string> { ["numerator"] = "1", ["denominator"] = "2", ["Numerator"] = "3" } }));
        Assert.Equal(["figures.Numerator"], extra.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("không có số liệu \"Numerator\" (chỉ có numerator, denominator)", extra.GetProperty("errors").GetProperty("figures.Numerator")[0].GetString(), StringComparison.Ordinal);

        var manualVersion = (await editor.GetAssessmentAsync(id)).Leaf("1.3.2").GetProperty("version").GetInt32();
        var figures = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "1.3.2", new { version = manualVersion, score = "0,5", figures = new { numerator = "1" } }));
        Assert.Contains("không có số liệu nào", figures.GetProperty("errors").GetProperty("figures.numerator")[0].GetString(), StringComparison.Ordinal);

        var level = await AssertFieldProblemAsync(await editor.SaveLeafAsync(id, "1.3.2", new { version = manualVersion, score = "0,5", level = "dat" }));
        Assert.Equal("Tiêu chí 1.3.2 không chấm theo mức nên không nhận \"level\".", level.GetProperty("errors").GetProperty("level")[0].GetString());
        Assert.Equal(manualVersion, (await editor.GetAssessmentAsync(id)).Leaf("1.3.2").GetProperty("version").GetInt32());

        // An empty level, empty figures and nulls are "not entered", not errors.
        var fine = await editor.SaveLeafAsync(id, "1.3.2", new { version = manualVersion, score = "0,5", level = "", figures = new { } });
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    /// <summary>Directly scored leaves no other test of this class saves, for the save-path tests below.</summary>
    private static readonly string[] FreeLeaves = ParIndex.Core.Frameworks.BuiltInFrameworks.Province2023.Leaves()
        .Where(l => !l.IsSurvey && l.EffectiveRule is ParIndex.Core.Frameworks.ManualRule && l.Max >= 0.5m)
        .Select(l => l.Code)
        .Except(["1.1", "1.2", "1.3.1", "1.3.2", "1.4", "1.6", "1.7", "2.1.1", "2.2.1", "3.4.1", "3.4.3", "4.1.3", "7.3.6"], StringComparer.Ordinal)
        .Take(2)
        .ToArray();

    [Fact]
    public async Task A_save_writes_one_history_line_per_changed_field_and_answers_with_the_totals_a_fresh_read_shows()
    {
        var id = await app.AssessmentIdAsync("LS");
        var code = FreeLeaves[0];
        using var editor = await app.LoginAsync("editor.langson");
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, code, new { version = 0, score = "0,5", explanation = "Lần đầu" })).StatusCode);
        var before = await HistoryAsync(id, code);

        var response = await editor.SaveLeafAsync(id, code, new { version = 1, score = "0,25", explanation = "Lần đầu", reason = "Sửa điểm" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal(2, result.GetProperty("leaf").GetProperty("version").GetInt32());
        var lines = (await HistoryAsync(id, code)).Skip(before.Count).ToList();
        // The score and the points changed; the explanation, level, figures and the flag did not.
        Assert.Equal(["Points", "Score"], lines.Select(l => l.Field).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.True(l.Reason == "Sửa điểm" && l.UserName == "editor.langson" && l.NewValue is not null && decimal.Parse(l.NewValue, System.Globalization.CultureInfo.InvariantCulture) == 0.25m, $"{l.Field}: {l.OldValue} → {l.NewValue} ({l.Reason})"));
        Assert.All(lines, l => Assert.Equal(0.5m, decimal.Parse(l.OldValue!, System.Globalization.CultureInfo.InvariantCulture)));

        var fresh = await editor.GetAssessmentAsync(id);
        foreach (var total in new[] { "points", "max", "selfAssessableMax", "leavesTotal", "leavesDone", "leavesFlagged" })
        {
            Assert.Equal(fresh.GetProperty("totals").GetProperty(total).GetDecimal(), result.GetProperty("totals").GetProperty(total).GetDecimal());
        }

        Assert.Equal(0.25m, fresh.Leaf(code).GetProperty("points").GetDecimal());
        Assert.Equal(2, fresh.Leaf(code).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_save_writer_writes_nothing_for_a_stale_version_and_of_two_racing_writers_exactly_one_writes_its_row_and_line()
    {
        var id = await app.AssessmentIdAsync("LS");
        var code = FreeLeaves[1];
        using var editor = await app.LoginAsync("editor.langson");
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, code, new { version = 0, score = "0,5", explanation = "Bản đã lưu" })).StatusCode);
        var entryId = await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == code).Select(e => e.Id).SingleAsync());
        var before = await HistoryAsync(id, code);
        Task<bool> Write(int expectedVersion, string explanation) => app.WithDbAsync(db =>
        {
            var now = DateTime.UtcNow;
            now = now.AddTicks(-(now.Ticks % 10));
            var entry = new LeafEntry
            {
                Id = entryId,
                AssessmentId = id,
                LeafCode = code,
                Score = 0.5m,
                Points = 0.5m,
                Explanation = explanation,
                Memo = "",
                UpdatedAt = now,
                UpdatedBy = "test",
                Version = expectedVersion + 1,
            };
            return LeafSaveWriter.UpdateAsync(db, entry, expectedVersion, [ParIndex.Data.History.HistoryEntry.ForLeaf(id, code, "test", now, "Explanation", "Bản đã lưu", explanation, null)], default);
        });

        Assert.False(await Write(expectedVersion: 5, "Bản cũ"));
        Assert.Equal(before.Count, (await HistoryAsync(id, code)).Count);

        var results = await Task.WhenAll(Write(1, "Người thứ nhất"), Write(1, "Người thứ hai"));
        Assert.Single(results, r => r);
        var stored = await app.WithDbAsync(db => db.LeafEntries.AsNoTracking().SingleAsync(e => e.Id == entryId));
        Assert.Equal(2, stored.Version);
        var line = Assert.Single((await HistoryAsync(id, code)).Skip(before.Count));
        Assert.Equal(stored.Explanation, line.NewValue);
        Assert.Equal(results[0] ? "Người thứ nhất" : "Người thứ hai", stored.Explanation);
    }

    [Fact]
    public async Task A_save_refused_for_the_unit_scope_writes_no_row_and_no_history_line()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var justice = await app.LoginAsync("editor.stp");
        var lines = await app.WithDbAsync(db => db.History.CountAsync(h => h.AssessmentId == id));
        var version = await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == "1.1").Select(e => (int?)e.Version).SingleOrDefaultAsync()) ?? 0;
        await (await justice.SaveLeafAsync(id, "1.1", new { version, score = "0,5", explanation = "Không được giao" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(lines, await app.WithDbAsync(db => db.History.CountAsync(h => h.AssessmentId == id)));
        Assert.Equal(version, await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == "1.1").Select(e => (int?)e.Version).SingleOrDefaultAsync()) ?? 0);
    }

    private Task<List<ParIndex.Data.History.HistoryEntry>> HistoryAsync(int id, string code) =>
        app.WithDbAsync(db => db.History.AsNoTracking().Where(h => h.AssessmentId == id && h.LeafCode == code).OrderBy(h => h.Id).ToListAsync());

    private static async Task<JsonElement> AssertFieldProblemAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Failed to read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var problem = await response.JsonAsync();
        Assert.True(problem.TryGetProperty("errors", out _), text);
        return problem;
    }

    private static Task<HttpResponseMessage> PutRawAsync(HttpClient client, int id, string code, string body) =>
        client.PutAsync(new Uri($"/api/assessments/{id}/leaves/{code}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
}

public sealed class SelfAssessmentTestsOnSqlite(SqliteAppFixture app) : SelfAssessmentTests<SqliteAppFixture>(app);

public sealed class SelfAssessmentTestsOnPostgres(PostgresAppFixture app) : SelfAssessmentTests<PostgresAppFixture>(app);
