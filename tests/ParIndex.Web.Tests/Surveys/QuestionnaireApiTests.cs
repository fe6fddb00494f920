using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Web.Tests.Infrastructure;
using static ParIndex.Web.Tests.Surveys.SurveyTestData;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>The questionnaire API: roles, validation against the framework, the canonical file, and the locks.</summary>
public abstract class QuestionnaireApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Theory]
    [InlineData("editor.bacgiang")]
    [InlineData("lead.langson")]
    [InlineData("appraiser")]
    public async Task Roles_other_than_administrator_and_coordinator_get_403_on_questionnaires(string userName)
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, $"Kỳ khảo sát quyền {userName} {app.ProviderName}");
        var id = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-quyen", "nguoi-dan"));

        using var user = await app.LoginAsync(userName);
        var basePath = $"/api/campaigns/{campaignId}/surveys/questionnaires";
        await (await user.GetAsync(new Uri(basePath, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.GetAsync(new Uri($"{basePath}/{id}/file", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await PostQuestionnaireAsync(user, campaignId, Questionnaire("phieu-la", "doanh-nghiep"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var body = new StringContent(QuestionnaireFile.ToJson(Questionnaire("phieu-quyen", "nguoi-dan")), Encoding.UTF8, "application/json");
        await (await user.PutAsync(new Uri($"{basePath}/{id}", UriKind.Relative), body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.DeleteAsync(new Uri($"{basePath}/{id}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync(new Uri($"{basePath}/sample", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync(q => q.CampaignId == campaignId)));
    }

    [Fact]
    public async Task A_file_with_a_bad_leaf_code_is_rejected_with_every_problem_and_nothing_is_saved()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ khảo sát lỗi " + app.ProviderName);
        // Q1 on a self-assessed leaf, and a second problem on a leaf that does not exist.
        var bad = Questionnaire("phieu-loi", "nguoi-dan", leafOfFirstQuestion: "1.1");
        var questions = bad.Questions.ToList();
        questions[1] = new SurveyQuestion { Code = "Q2", Text = "Câu hỏi sai mã", LeafCode = "9.9.9", Scale = new LikertScale() };
        var file = QuestionnaireFile.ToJson(new Questionnaire
        {
            Id = bad.Id,
            Title = bad.Title,
            FrameworkId = bad.FrameworkId,
            RespondentGroup = bad.RespondentGroup,
            Questions = questions,
        });

        var response = await PostQuestionnaireJsonAsync(coordinator, campaignId, file);
        var detail = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("chưa có gì được lưu", detail, StringComparison.Ordinal);
        var problem = await response.JsonAsync();
        Assert.Equal(2, problem.GetProperty("total").GetInt32());
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(1, problems[0].GetProperty("row").GetInt32());
        Assert.Equal("Câu hỏi thứ 1 (Q1)", problems[0].GetProperty("location").GetString());
        Assert.Equal("Tiêu chí 1.1 không phải tiêu chí đánh giá qua điều tra xã hội học.", problems[0].GetProperty("message").GetString());
        Assert.Equal(2, problems[1].GetProperty("row").GetInt32());
        Assert.Contains("Tiêu chí 9.9.9 không có trong bộ tiêu chí", problems[1].GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync(q => q.CampaignId == campaignId)));

        // A file that is not even readable names the place in the file.
        var broken = await PostQuestionnaireJsonAsync(coordinator, campaignId, file.Replace("\"leaf\"", "\"leafs\"", StringComparison.Ordinal));
        await broken.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var first = (await broken.JsonAsync()).GetProperty("problems")[0];
        Assert.Equal(1, first.GetProperty("row").GetInt32());
        Assert.Equal("questions[0].leafs", first.GetProperty("column").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync(q => q.CampaignId == campaignId)));
    }

    [Fact]
    public async Task An_imported_file_downloads_back_canonical_and_a_second_import_with_the_same_code_replaces_it()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ khảo sát tệp " + app.ProviderName);
        var questionnaire = Questionnaire("sipas-nguoi-dan", "nguoi-dan");
        // Uploaded as a file from the page's script: multipart with the antiforgery header.
        var uploaded = await UploadAsync(coordinator, $"/api/campaigns/{campaignId}/surveys/questionnaires/import", "phieu.json",
            Encoding.UTF8.GetBytes(QuestionnaireFile.ToJson(questionnaire)), "application/json");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var created = await uploaded.JsonAsync();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("A=100 (Rất tốt); B=60 (Tốt); C=20 (Chưa tốt); D=0 (Kém); E=không biết", created.GetProperty("questions")[2].GetProperty("scaleText").GetString());

        var download = await coordinator.GetAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/{id}/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("sipas-nguoi-dan.json", download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(QuestionnaireFile.ToJson(questionnaire), await download.Content.ReadAsStringAsync());

        var renamed = new Questionnaire
        {
            Id = questionnaire.Id,
            Title = "Phiếu đã sửa",
            FrameworkId = questionnaire.FrameworkId,
            Campaign = questionnaire.Campaign,
            RespondentGroup = questionnaire.RespondentGroup,
            Questions = questionnaire.Questions.Take(2).ToList(),
        };
        Assert.Equal(HttpStatusCode.Created, (await PostQuestionnaireAsync(coordinator, campaignId, renamed)).StatusCode);
        var list = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires", UriKind.Relative));
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetInt32());
        Assert.Equal("Phiếu đã sửa", only.GetProperty("title").GetString());
        Assert.Equal(2, only.GetProperty("questions").GetInt32());

        // One questionnaire per respondent group: another code on the same group is refused.
        var clash = await PostQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-khac", "nguoi-dan"));
        await clash.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Nhóm đối tượng \"nguoi-dan\" đã có phiếu", (await clash.JsonAsync()).GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // Without the antiforgery token a multipart upload is refused.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("{}")), "file", "phieu.json" } };
        await (await coordinator.PostAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/import", UriKind.Relative), form)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_questionnaire_with_imported_batches_cannot_be_edited_or_deleted()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ khảo sát có lô " + app.ProviderName);
        var id = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-co-lo", "nguoi-dan"));
        await InsertBatchAsync(app, campaignId, id, await UnitIdAsync(app, "BG"), ("r1", "Q1", "5"));

        using var body = new StringContent(QuestionnaireFile.ToJson(Questionnaire("phieu-co-lo", "nguoi-dan")), Encoding.UTF8, "application/json");
        var edit = await coordinator.PutAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/{id}", UriKind.Relative), body);
        Assert.Contains("hãy xoá các lô đó trước", await edit.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        var delete = await coordinator.DeleteAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/{id}", UriKind.Relative));
        Assert.Contains("đã có 1 lô câu trả lời", await delete.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        // Re-importing the file under the same code is an edit too.
        await (await PostQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-co-lo", "nguoi-dan"))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(await app.WithDbAsync(db => db.SurveyQuestionnaires.AnyAsync(q => q.Id == id)));

        // Without batches the administrator deletes it.
        var other = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-khong-lo", "doanh-nghiep"));
        using var admin = await app.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/{other}", UriKind.Relative))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SurveyQuestionnaires.AnyAsync(q => q.Id == other)));
    }

    [Fact]
    public async Task A_published_campaign_refuses_questionnaire_writes_with_409()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var published = await app.WithDbAsync(db => db.Campaigns.Where(c => c.PublishedAt != null).Select(c => c.Id).FirstAsync());
        var response = await PostQuestionnaireAsync(coordinator, published, Questionnaire("phieu-cong-bo", "nguoi-dan"));
        Assert.Contains("đã được công bố", await response.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        await (await coordinator.PostAsync(new Uri($"/api/campaigns/{published}/surveys/questionnaires/sample", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_sample_questionnaire_has_one_question_per_survey_leaf()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ khảo sát mẫu " + app.ProviderName);
        var leaves = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/leaves", UriKind.Relative));
        Assert.Equal(27, leaves.GetArrayLength());
        var created = await coordinator.PostAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/sample", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await created.JsonAsync();
        Assert.Equal(27, detail.GetProperty("questions").GetArrayLength());
        Assert.Equal("tong-hop", detail.GetProperty("respondentGroup").GetString());
        await (await coordinator.PostAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/sample", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class QuestionnaireApiTestsOnSqlite(SqliteAppFixture app) : QuestionnaireApiTests<SqliteAppFixture>(app);

public sealed class QuestionnaireApiTestsOnPostgres(PostgresAppFixture app) : QuestionnaireApiTests<PostgresAppFixture>(app);
