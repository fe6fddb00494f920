using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Web.Tests.Infrastructure;
using static ParIndex.Web.Tests.Surveys.SurveyTestData;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>The survey pages (static SSR forms with antiforgery) read as a browser gets them.</summary>
public abstract class SurveyPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static IDocument Html(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The fields a browser would send for a form, as rendered (inputs, textareas, selected options).</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name is "_handler" or "__RequestVerificationToken" || element.GetAttribute("type") == "file")
            {
                continue;
            }

            var value = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
            fields.Add(new(name, value));
        }

        return fields;
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        fields[index] = new(name, value);
    }

    private static List<KeyValuePair<string, string>> NewQuestionnaireFields(string code, string group) =>
    [
        new("Form.Code", code),
        new("Form.Title", "Phiếu khảo sát lãnh đạo sở"),
        new("Form.RespondentGroup", group),
        new("Form.RespondentGroupLabel", "Lãnh đạo các sở, ban, ngành"),
        new("Form.Rows[0].Code", "Q1"),
        new("Form.Rows[0].Text", "Tính đồng bộ, thống nhất của các VBQPPL"),
        new("Form.Rows[0].LeafCode", "2.4.1"),
        new("Form.Rows[0].Scale", "options"),
        new("Form.Rows[0].ScaleText", "A=100; B=60; C=20; D=0; E=không biết"),
        new("Form.Rows[0].Component", ""),
        new("Form.Rows[1].Code", "Q2"),
        new("Form.Rows[1].Text", "Mức độ hài lòng về tiếp cận dịch vụ"),
        new("Form.Rows[1].LeafCode", "8.1.1"),
        new("Form.Rows[1].Scale", "likert"),
        new("Form.Rows[1].ScaleText", "0=không biết"),
        new("Form.Rows[1].Component", ""),
    ];

    [Fact]
    public async Task The_coordinator_creates_a_questionnaire_in_the_editor_and_an_unchanged_edit_round_trips()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ trang phiếu " + app.ProviderName);
        var newPath = $"/surveys/{campaignId}/questionnaires/new";
        var editor = Html(await coordinator.GetStringAsync(new Uri(newPath, UriKind.Relative)));
        // The leaf list offers the framework's survey leaves only.
        var leafOptions = editor.QuerySelectorAll("select[name='Form.Rows[0].LeafCode'] option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0).ToList();
        Assert.Equal(27, leafOptions.Count);
        Assert.DoesNotContain("1.1", leafOptions);

        var fields = NewQuestionnaireFields("lanh-dao-so", "lanh-dao-so");
        fields.Add(new("Command", "save"));
        var created = await PostFormAsync(coordinator, newPath, "questionnaire", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.Matches($"/surveys/{campaignId}/questionnaires/[0-9]+$", location);
        var id = int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        var stored = await app.WithDbAsync(db => db.SurveyQuestionnaires.SingleAsync(q => q.Id == id));
        var questionnaire = QuestionnaireFile.Read(stored.Json);
        Assert.Equal("lanh-dao-so", questionnaire.RespondentGroup);
        Assert.Equal("par-index-province-2023", questionnaire.FrameworkId);
        var abcd = Assert.IsType<OptionScale>(questionnaire.Questions[0].Scale);
        Assert.Equal([1m, 0.6m, 0.2m, 0m, null], abcd.Options.Select(o => o.Share));
        Assert.Equal("Không biết", abcd.Options[4].Label);
        var likert = Assert.IsType<LikertScale>(questionnaire.Questions[1].Scale);
        Assert.Equal(LikertScale.LinearShares, likert.Shares);
        Assert.Equal("0", Assert.Single(likert.InvalidAnswers).Key);

        // The edit page shows the questionnaire; sending it back unchanged stores the same file.
        var editPath = $"/surveys/{campaignId}/questionnaires/{id}";
        var editHtml = await coordinator.GetStringAsync(new Uri(editPath, UriKind.Relative));
        var form = Html(editHtml).QuerySelector("form#questionnaire-form")!;
        Assert.Equal("A=100; B=60; C=20; D=0; E=không biết", form.QuerySelector("input[name='Form.Rows[0].ScaleText']")?.GetAttribute("value"));
        Assert.Equal("8.1.1", form.QuerySelector("select[name='Form.Rows[1].LeafCode'] option[selected]")?.GetAttribute("value"));
        var again = FieldsOf(form);
        again.Add(new("Command", "save"));
        var saved = await PostFormAsync(coordinator, editPath, "questionnaire", again, editHtml);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu phiếu", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(stored.Json, await app.WithDbAsync(db => db.SurveyQuestionnaires.Where(q => q.Id == id).Select(q => q.Json).SingleAsync()));

        // An edit: a satisfied flag and labels on the options, a new title.
        var changed = FieldsOf(form);
        Set(changed, "Form.Title", "Phiếu lãnh đạo sở (sửa)");
        Set(changed, "Form.Rows[0].ScaleText", "A=100* (Rất tốt); B=60 (Tốt); C=20; D=0; E=không biết (Không trả lời)");
        changed.Add(new("Command", "save"));
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(coordinator, editPath, "questionnaire", changed, editHtml)).StatusCode);
        var edited = QuestionnaireFile.Read(await app.WithDbAsync(db => db.SurveyQuestionnaires.Where(q => q.Id == id).Select(q => q.Json).SingleAsync()));
        Assert.Equal("Phiếu lãnh đạo sở (sửa)", edited.Title);
        var options = edited.Questions[0].Scale.Options;
        Assert.True(options[0].Satisfied);
        Assert.Equal("Rất tốt", options[0].Label);
        Assert.Equal("Không trả lời", options[4].Label);
        Assert.Null(options[4].Share);
    }

    [Fact]
    public async Task Row_errors_are_shown_under_their_rows_and_nothing_is_saved()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ trang lỗi " + app.ProviderName);
        var newPath = $"/surveys/{campaignId}/questionnaires/new";
        var fields = NewQuestionnaireFields("phieu-loi", "nguoi-dan");
        Set(fields, "Form.Rows[0].ScaleText", "A=100; B=nhiều; C=20");
        Set(fields, "Form.Rows[1].LeafCode", "");
        fields.Add(new("Command", "save"));
        var response = await PostFormAsync(coordinator, newPath, "questionnaire", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa có gì được lưu.", page.QuerySelector("#problems")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("tr[data-row-problems='1'] .row-problem"), p => p.TextContent.Contains("Phương án B: \"nhiều\" không phải tỷ lệ phần trăm", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("tr[data-row-problems='2'] .row-problem"), p => p.TextContent == "Chưa chọn tiêu chí điều tra xã hội học.");
        // The typed values stay in the form for correction.
        Assert.Equal("A=100; B=nhiều; C=20", page.QuerySelector("input[name='Form.Rows[0].ScaleText']")?.GetAttribute("value"));
        // A leaf that is not a survey leaf is named in Vietnamese with its row.
        Set(fields, "Form.Rows[0].ScaleText", "A=100; B=60");
        Set(fields, "Form.Rows[1].LeafCode", "1.1");
        var second = Html(await (await PostFormAsync(coordinator, newPath, "questionnaire", fields)).Content.ReadAsStringAsync());
        Assert.Contains(second.QuerySelectorAll("tr[data-row-problems='2'] .row-problem"), p => p.TextContent == "Tiêu chí 1.1 không phải tiêu chí đánh giá qua điều tra xã hội học.");
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync(q => q.CampaignId == campaignId)));

        // Adding and removing rows only changes the form.
        var added = fields.Where(f => f.Key != "Command").Append(new("Command", "add")).ToList();
        var withThree = Html(await (await PostFormAsync(coordinator, newPath, "questionnaire", added)).Content.ReadAsStringAsync());
        Assert.Equal(3, withThree.QuerySelectorAll("tr.question-row").Length);
        var removed = fields.Where(f => f.Key != "Command").Append(new("Command", "remove-0")).ToList();
        var withOne = Html(await (await PostFormAsync(coordinator, newPath, "questionnaire", removed)).Content.ReadAsStringAsync());
        Assert.Equal("Q2", Assert.Single(withOne.QuerySelectorAll("tr.question-row")).QuerySelector("input[name='Form.Rows[0].Code']")?.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync(q => q.CampaignId == campaignId)));
    }

    [Fact]
    public async Task A_file_imported_from_the_page_shows_its_problems_or_lands_in_the_list()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ trang nhập " + app.ProviderName);
        var path = $"/surveys/{campaignId}/questionnaires";
        var bad = Encoding.UTF8.GetBytes(QuestionnaireFile.ToJson(Questionnaire("phieu-tep", "nguoi-dan", leafOfFirstQuestion: "3.4.1")));
        var rejected = await PostFileFormAsync(coordinator, path, "import", "File", "phieu.json", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var page = Html(await rejected.Content.ReadAsStringAsync());
        var row = Assert.Single(page.QuerySelectorAll("#problems tr.problem-row"));
        Assert.Equal(["1", "leaf", "Câu hỏi thứ 1 (Q1)", "Tiêu chí 3.4.1 không phải tiêu chí đánh giá qua điều tra xã hội học."], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync(q => q.CampaignId == campaignId)));

        var good = Encoding.UTF8.GetBytes(QuestionnaireFile.ToJson(Questionnaire("phieu-tep", "nguoi-dan")));
        var accepted = await PostFileFormAsync(coordinator, path, "import", "File", "phieu.json", good);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var list = Html(await accepted.Content.ReadAsStringAsync());
        Assert.Contains("Đã nhập phiếu", list.QuerySelector("#message")?.TextContent, StringComparison.Ordinal);
        var listed = list.QuerySelector("tr[data-code='phieu-tep']");
        Assert.NotNull(listed);
        var id = int.Parse(listed.GetAttribute("data-questionnaire")!, System.Globalization.CultureInfo.InvariantCulture);

        // Once a batch is imported, the editor says so and refuses to save; the delete button is disabled.
        await InsertBatchAsync(app, campaignId, id, await UnitIdAsync(app, "BG"), ("r1", "Q1", "4"));
        var editPath = $"{path}/{id}";
        var editHtml = await coordinator.GetStringAsync(new Uri(editPath, UriKind.Relative));
        var editPage = Html(editHtml);
        Assert.NotNull(editPage.QuerySelector("#has-batches"));
        Assert.True(editPage.QuerySelector("#save-questionnaire")!.HasAttribute("disabled"));
        var fields = FieldsOf(editPage.QuerySelector("form#questionnaire-form")!);
        fields.Add(new("Command", "save"));
        var refused = await PostFormAsync(coordinator, editPath, "questionnaire", fields, editHtml);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("hãy xoá các lô đó trước", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listPage = Html(await coordinator.GetStringAsync(new Uri(path, UriKind.Relative)));
        Assert.True(listPage.QuerySelector($"button[name=DeleteId][value='{id}']")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Unit_users_are_turned_away_from_questionnaires_and_see_their_own_quota_progress_read_only()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, "Kỳ trang chỉ tiêu " + app.ProviderName);
        await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-nd", "nguoi-dan"));

        // The coordinator types N the Vietnamese way (5.000 is five thousand) and e = 0,05.
        var quotaPath = $"/surveys/{campaignId}/quotas";
        var quotaHtml = await coordinator.GetStringAsync(new Uri(quotaPath, UriKind.Relative));
        var quotaForm = Html(quotaHtml).QuerySelectorAll("form").Single(f => f.QuerySelector("#quotas") is not null);
        var fields = FieldsOf(quotaForm);
        var rows = Html(quotaHtml).QuerySelectorAll("tr.quota-row").ToList();
        var bgIndex = rows.FindIndex(r => r.GetAttribute("data-unit") == "BG");
        var lsIndex = rows.FindIndex(r => r.GetAttribute("data-unit") == "LS");
        Set(fields, $"Rows[{bgIndex}].Population", "5.000");
        Set(fields, $"Rows[{bgIndex}].Margin", "0,05");
        Set(fields, $"Rows[{lsIndex}].Population", "nhiều");
        var rejected = await PostFormAsync(coordinator, quotaPath, "quotas", fields, quotaHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var rejectedPage = Html(await rejected.Content.ReadAsStringAsync());
        Assert.Contains($"Dòng {lsIndex + 1}", rejectedPage.QuerySelector("#problems")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("nhiều", rejectedPage.QuerySelector($"input[name='Rows[{lsIndex}].Population']")?.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(t => t.CampaignId == campaignId)));

        Set(fields, $"Rows[{lsIndex}].Population", "");
        var saved = await PostFormAsync(coordinator, quotaPath, "quotas", fields, quotaHtml);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedPage = Html(await saved.Content.ReadAsStringAsync());
        var bg = savedPage.QuerySelector("tr.quota-row[data-unit='BG'][data-group='nguoi-dan']")!;
        Assert.Equal("371", bg.QuerySelector(".required")?.TextContent);
        Assert.Equal("0", bg.QuerySelector(".collected")?.TextContent);
        Assert.Equal("Chưa đạt", bg.QuerySelector(".met")?.TextContent);

        using var editor = await app.LoginAsync("editor.bacgiang");
        var denied = await editor.GetAsync(new Uri($"/surveys/{campaignId}/questionnaires", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/forbidden", denied.Headers.Location?.PathAndQuery ?? denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        var deniedEditor = await editor.GetAsync(new Uri($"/surveys/{campaignId}/questionnaires/new", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, deniedEditor.StatusCode);

        var own = Html(await editor.GetStringAsync(new Uri(quotaPath, UriKind.Relative)));
        var ownRows = own.QuerySelectorAll("tr.quota-row");
        Assert.NotEmpty(ownRows);
        Assert.All(ownRows, r => Assert.Equal("BG", r.GetAttribute("data-unit")));
        Assert.Empty(own.QuerySelectorAll("#quotas input"));
        Assert.Equal("5.000", own.QuerySelector("tr.quota-row[data-group='nguoi-dan'] .population")?.TextContent);
        Assert.Equal("371", own.QuerySelector("tr.quota-row[data-group='nguoi-dan'] .required")?.TextContent);

        // The survey home lists the campaign for the unit user, with the quota link only.
        var home = Html(await editor.GetStringAsync(new Uri("/surveys", UriKind.Relative)));
        var campaignRow = home.QuerySelector($"tr[data-campaign='{campaignId}']");
        Assert.NotNull(campaignRow);
        Assert.Null(campaignRow.QuerySelector("a[href$='/questionnaires']"));
        Assert.NotNull(campaignRow.QuerySelector("a[href$='/quotas']"));
    }
}

public sealed class SurveyPageTestsOnSqlite(SqliteAppFixture app) : SurveyPageTests<SqliteAppFixture>(app);

public sealed class SurveyPageTestsOnPostgres(PostgresAppFixture app) : SurveyPageTests<PostgresAppFixture>(app);
