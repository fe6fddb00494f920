using System.Net;
using System.Text.Json;
using ParIndex.Data;
using ParIndex.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace ParIndex.Web.Tests.Documents;

/// <summary>The self-assessment report (Decree 30 layout): its fields kept with the assessment, and its download.</summary>
public abstract class SelfAssessmentReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static Uri FieldsUri(int id) => new($"/api/assessments/{id}/report", UriKind.Relative);

    private static Uri FileUri(int id, string format) => new($"/api/assessments/{id}/report/file?format={format}", UriKind.Relative);

    private static async Task<int> VersionAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync(FieldsUri(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task The_unit_saves_its_fields_and_they_appear_in_the_pdf_and_the_history()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var version = await VersionAsync(editor, id);
        var saved = await editor.PutAsJsonAsync(FieldsUri(id), new
        {
            version,
            superiorBody = "",
            documentNumber = "77/BC-UBND",
            place = "Lạng Sơn",
            date = "2024-01-08",
            difficulties = "Thiếu cán bộ chuyên trách\u0007 CCHC.",
            recommendations = "Đề nghị tập huấn.",
            recipients = "Bộ Nội vụ\nLưu: VT.",
            signerAuthority = "TM. Ủy ban nhân dân",
            signerTitle = "Chủ tịch",
            signerName = "Trần Thị Mai",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await saved.JsonAsync();
        Assert.Equal(version + 1, view.GetProperty("version").GetInt32());
        // A control character is removed, not stored.
        Assert.Equal("Thiếu cán bộ chuyên trách CCHC.", view.GetProperty("difficulties").GetString());

        // The same version again is stale: 409, nothing saved.
        var stale = await editor.PutAsJsonAsync(FieldsUri(id), new { version, documentNumber = "1/BC" });
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);

        var pdf = await editor.GetAsync(FileUri(id, "pdf"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-tu-danh-gia-tinh-lang-son-2023.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Số: 77/BC-UBND", text, StringComparison.Ordinal);
            Assert.Contains("Lạng Sơn, ngày 08 tháng 01 năm 2024", text, StringComparison.Ordinal);
            Assert.Contains("Trần Thị Mai", text, StringComparison.Ordinal);
            Assert.Contains("PHỤ LỤC", text, StringComparison.Ordinal);
        }

        // The assessment page links both downloads.
        var html = await editor.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative));
        Assert.Contains($"/api/assessments/{id}/report/file?format=pdf", html, StringComparison.Ordinal);
        Assert.Contains($"/api/assessments/{id}/report/file?format=docx", html, StringComparison.Ordinal);

        var docx = await editor.GetAsync(FileUri(id, "docx"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], (await docx.Content.ReadAsByteArrayAsync())[..4]);
        await (await editor.GetAsync(FileUri(id, "xlsx"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var history = await app.WithDbAsync(db => Task.FromResult(db.History.Where(h => h.AssessmentId == id && h.Entity == "AssessmentReport").Select(h => h.Field).ToList()));
        Assert.Contains("DocumentNumber", history);
        Assert.Contains("SignerName", history);
    }

    [Fact]
    public async Task Another_unit_is_refused_an_appraiser_may_read_and_a_contributing_agency_may_not_edit()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var other = await app.LoginAsync("editor.langson");
        await (await other.GetAsync(FieldsUri(id))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(FileUri(id, "pdf"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PutAsJsonAsync(FieldsUri(id), new { version = 0 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(FieldsUri(999_999))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync(FileUri(999_999, "pdf"))).AssertProblemAsync(HttpStatusCode.NotFound);

        using var appraiser = await app.LoginAsync("appraiser");
        Assert.Equal(HttpStatusCode.OK, (await appraiser.GetAsync(FieldsUri(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await appraiser.GetAsync(FileUri(id, "pdf"))).StatusCode);
        Assert.False((await (await appraiser.GetAsync(FieldsUri(id))).JsonAsync()).GetProperty("canEdit").GetBoolean());
        await (await appraiser.PutAsJsonAsync(FieldsUri(id), new { version = 0 })).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var agency = await app.LoginAsync("editor.stp");
        await (await agency.PutAsJsonAsync(FieldsUri(id), new { version = 0, place = "Bắc Giang" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var coordinator = await app.LoginAsync("coordinator");
        await (await coordinator.PutAsJsonAsync(FieldsUri(id), new { version = 0, place = "Bắc Giang" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Fields_over_their_limits_are_refused_by_name_in_both_languages_and_nothing_is_saved()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var lead = await app.LoginAsync("lead.langson");
        var version = await VersionAsync(lead, id);
        var tooLong = await lead.PutAsJsonAsync(FieldsUri(id), new
        {
            version,
            place = "Lạng Sơn",
            difficulties = new string('x', TextLimits.ReportText + 1),
        });
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = (await tooLong.JsonAsync()).GetProperty("errors");
        Assert.Contains("Khó khăn, vướng mắc", errors.GetProperty("difficulties")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync(lead, id));

        var badDate = await lead.PutAsJsonAsync(FieldsUri(id), new { version, date = "1890-01-01" });
        await badDate.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True((await badDate.JsonAsync()).GetProperty("errors").TryGetProperty("date", out _));

        Assert.Equal(HttpStatusCode.Redirect, (await lead.GetAsync(new Uri("/account/language/en", UriKind.Relative))).StatusCode);
        var english = await lead.PutAsJsonAsync(FieldsUri(id), new { version, difficulties = new string('x', TextLimits.ReportText + 1) });
        await english.AssertProblemAsync(HttpStatusCode.BadRequest);
        var englishError = (await english.JsonAsync()).GetProperty("errors").GetProperty("difficulties")[0].GetString();
        Assert.DoesNotContain("Khó khăn", englishError, StringComparison.Ordinal);
        Assert.Contains(TextLimits.ReportText.ToString(System.Globalization.CultureInfo.InvariantCulture), englishError!.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

public sealed class SelfAssessmentReportTestsOnSqlite(SqliteAppFixture app) : SelfAssessmentReportTests<SqliteAppFixture>(app);

public sealed class SelfAssessmentReportTestsOnPostgres(PostgresAppFixture app) : SelfAssessmentReportTests<PostgresAppFixture>(app);
