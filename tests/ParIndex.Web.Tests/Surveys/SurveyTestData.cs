using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ParIndex.Core.Surveys;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>Campaigns, questionnaires and uploads for the survey tests, made through the API as a user would.</summary>
internal static class SurveyTestData
{
    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A new campaign over the 2023 provincial framework with Bắc Giang and Lạng Sơn; returns its id.</summary>
    public static async Task<int> CreateCampaignAsync(HttpClient coordinator, string name)
    {
        var units = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/units", UriKind.Relative));
        int UnitId(string code) => units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/frameworks", UriKind.Relative));
        var framework = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023");
        var created = await coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            name,
            year = 2024,
            frameworkRecordId = framework.GetProperty("id").GetInt32(),
            unitIds = new[] { UnitId("BG"), UnitId("LS") },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }

    public static async Task<int> UnitIdAsync(AppFixture app, string code) =>
        await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Units.Where(u => u.Code == code).Select(u => u.Id)));

    /// <summary>A questionnaire on two satisfaction leaves (Likert) and one A–D leaf of the 2023 framework.</summary>
    public static Questionnaire Questionnaire(string code, string group, string leafOfFirstQuestion = "8.1.1") => new()
    {
        Id = code,
        Title = "Phiếu khảo sát người dân " + code,
        FrameworkId = "par-index-province-2023",
        Campaign = "2024",
        RespondentGroup = group,
        RespondentGroupLabel = "Người dân, tổ chức",
        Questions =
        [
            new SurveyQuestion { Code = "Q1", Text = "Mức độ hài lòng về tiếp cận dịch vụ", LeafCode = leafOfFirstQuestion, Scale = new LikertScale(invalidAnswers: [new AnswerOption("0", "Không biết", null)]) },
            new SurveyQuestion { Code = "Q2", Text = "Mức độ hài lòng về thủ tục hành chính", LeafCode = "8.1.2", Scale = new LikertScale() },
            new SurveyQuestion
            {
                Code = "Q3",
                Text = "Chất lượng văn bản quy phạm pháp luật",
                LeafCode = "2.4.1",
                Scale = new OptionScale([new("A", "Rất tốt", 1m), new("B", "Tốt", 0.6m), new("C", "Chưa tốt", 0.2m), new("D", "Kém", 0m), new("E", "Không biết", null)]),
            },
        ],
    };

    public static Task<HttpResponseMessage> PostQuestionnaireAsync(HttpClient client, int campaignId, Questionnaire questionnaire) =>
        PostQuestionnaireJsonAsync(client, campaignId, QuestionnaireFile.ToJson(questionnaire));

    public static async Task<HttpResponseMessage> PostQuestionnaireJsonAsync(HttpClient client, int campaignId, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires", UriKind.Relative), content);
    }

    public static async Task<int> CreateQuestionnaireAsync(HttpClient client, int campaignId, Questionnaire questionnaire)
    {
        var response = await PostQuestionnaireAsync(client, campaignId, questionnaire);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>A batch row as the importer would write it, with answers (respondent, question, key) for one unit.</summary>
    public static Task<int> InsertBatchAsync(AppFixture app, int campaignId, int questionnaireId, int unitId, params (string Respondent, string Question, string Key)[] answers) =>
        app.WithDbAsync(async db =>
        {
            var batch = new ParIndex.Data.Surveys.SurveyBatchRecord
            {
                CampaignId = campaignId,
                QuestionnaireId = questionnaireId,
                ContentHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                SourceName = "tra-loi.csv",
                Respondents = answers.Select(a => a.Respondent).Distinct().Count(),
                Answers = answers.Length,
                ImportedAt = DateTime.UtcNow,
                ImportedBy = "coordinator",
            };
            db.SurveyBatches.Add(batch);
            await db.SaveChangesAsync();
            db.SurveyAnswers.AddRange(answers.Select(a => new ParIndex.Data.Surveys.SurveyAnswerRecord
            {
                BatchId = batch.Id,
                UnitId = unitId,
                RespondentId = a.Respondent,
                QuestionCode = a.Question,
                AnswerKey = a.Key,
            }));
            await db.SaveChangesAsync();
            return batch.Id;
        });

    /// <summary>Posts a file as multipart (field <c>file</c>) with the antiforgery header, as the page's script would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string fileName, byte[] content, string mediaType)
    {
        var token = await AppFixture.ApiTokenAsync(client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
        request.Headers.Add("X-XSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    /// <summary>Posts a static SSR form: its handler name, the antiforgery token of the page and the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var values = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", AppFixture.FormToken(page)),
        };
        values.AddRange(fields);
        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    /// <summary>Posts a static SSR form as multipart with one file.</summary>
    public static async Task<HttpResponseMessage> PostFileFormAsync(HttpClient client, string path, string handler, string fileField, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(handler), "_handler" },
            { new StringContent(AppFixture.FormToken(page)), "__RequestVerificationToken" },
        };
        form.Add(new ByteArrayContent(content), fileField, fileName);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }
}
