using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>Survey leaves are read only in the self-assessment: the API refuses them, the page shows the survey score and memo.</summary>
public abstract class SurveyLeafTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Theory]
    [InlineData("editor.bacgiang", "2.4.1")]
    [InlineData("lead.bacgiang", "8.1.3")]
    [InlineData("editor.stp", "2.4.2")] // the department assigned field 2 still cannot score its survey leaves
    [InlineData("coordinator", "2.4.1")]
    public async Task The_self_assessment_save_refuses_a_survey_leaf(string userName, string code)
    {
        var id = await app.AssessmentIdAsync("BG");
        using var user = await app.LoginAsync(userName);
        var before = await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == code).Select(e => new { e.Version, e.Score, e.Explanation }).SingleOrDefaultAsync());
        var response = await user.SaveLeafAsync(id, code, new { version = before?.Version ?? 0, score = "1", explanation = "Tự chấm điểm điều tra" });
        var detail = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("điều tra xã hội học", detail, StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == code).Select(e => new { e.Version, e.Score, e.Explanation }).SingleOrDefaultAsync());
        Assert.Equal(before, after);
        // A self-assessed leaf of the same user still saves (the refusal is about the leaf, not the user).
        if (userName == "editor.bacgiang")
        {
            var version = (await user.GetAssessmentAsync(id)).Leaf("1.4").GetProperty("version").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await user.SaveLeafAsync(id, "1.4", new { version, score = "1" })).StatusCode);
        }
    }

    [Fact]
    public async Task The_page_shows_survey_leaves_without_inputs_and_with_their_survey_score_and_memo()
    {
        var id = await app.AssessmentIdAsync("LS");
        const string memo = "n = 120 câu trả lời hợp lệ; 1,5 × 96 / 120 = 1,2";
        await app.WithDbAsync(async db =>
        {
            var entry = await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == id && e.LeafCode == "8.1.1");
            if (entry is null)
            {
                entry = new ParIndex.Data.Assessments.LeafEntry { AssessmentId = id, LeafCode = "8.1.1" };
                db.LeafEntries.Add(entry);
            }

            entry.SurveyScore = 1.2m;
            entry.SurveyMemo = memo;
            // The demo survey may have scored 8.1.2 already: it stands for a leaf not surveyed yet.
            if (await db.LeafEntries.SingleOrDefaultAsync(e => e.AssessmentId == id && e.LeafCode == "8.1.2") is { } pending)
            {
                pending.SurveyScore = null;
                pending.SurveyMemo = null;
            }

            return await db.SaveChangesAsync();
        });

        using var editor = await app.LoginAsync("editor.langson");
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative)));
        var surveyLeaf = page.QuerySelector(".leaf[data-code='8.1.1']");
        Assert.NotNull(surveyLeaf);
        Assert.Empty(surveyLeaf.QuerySelectorAll("input, textarea, select"));
        Assert.Equal("Điểm điều tra xã hội học: 1,2", surveyLeaf.QuerySelector(".survey-score")?.TextContent.Trim());
        Assert.Equal(memo, surveyLeaf.QuerySelector(".survey-memo")?.TextContent);
        // A survey leaf without survey points yet shows no score, and still no inputs.
        var pending = page.QuerySelector(".leaf[data-code='8.1.2']");
        Assert.NotNull(pending);
        Assert.Null(pending.QuerySelector(".survey-score"));
        Assert.Empty(pending.QuerySelectorAll("input, textarea, select"));
        // Self-assessed leaves keep their inputs.
        Assert.NotNull(page.QuerySelector(".leaf[data-code='1.1'] input[name=score]"));

        var api = (await editor.GetAssessmentAsync(id)).Leaf("8.1.1");
        Assert.Equal(1.2m, api.GetProperty("surveyScore").GetDecimal());
        Assert.False(api.GetProperty("canEdit").GetBoolean());
    }
}

public sealed class SurveyLeafTestsOnSqlite(SqliteAppFixture app) : SurveyLeafTests<SqliteAppFixture>(app);

public sealed class SurveyLeafTestsOnPostgres(PostgresAppFixture app) : SurveyLeafTests<PostgresAppFixture>(app);
