using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Documents.Appraisal;
using ParIndex.Documents.OfficialTables;
using ParIndex.Web.Accounts;
using ParIndex.Web.Assessments;
using ParIndex.Web.Documents;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Documents;

/// <summary>Downloading the official table (issue 6) in xlsx, docx and pdf, on each database.</summary>
public abstract class TableDownloadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static Uri TableUri(int id, string format) => new($"/api/assessments/{id}/table?format={format}", UriKind.Relative);

    [Fact]
    public async Task The_xlsx_of_the_demo_assessment_reads_back_to_the_seed_totals()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var response = await editor.GetAsync(TableUri(id, "xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bieu-tu-danh-gia-tinh-bac-giang-2023.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var table = XlsxTableReader.Read(stream);
        Assert.Equal("BIỂU TỰ ĐÁNH GIÁ", table.TitleLines[0]);
        Assert.Equal("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023", table.TitleLines[1]);
        Assert.Equal(65.249m, table.StatedTotalScore);
        Assert.Equal(100m, table.StatedTotalMax);
        Assert.Equal(65.249m, table.ComputedTotalScore);
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
        }, table.Rows.ToDictionary(r => r.Code, r => r.Score ?? -1m));
        var leaf = table.AllRows().Single(r => r.Code == "4.1.3");
        Assert.Equal(0.9384m, leaf.Score);
        Assert.StartsWith("Năm 2023, Thực hiện Kế hoạch số 41/KH-UBND", table.AllRows().Single(r => r.Code == "1.3.1").Explanation, StringComparison.Ordinal);
        Assert.Contains(table.AllRows(), r => r.IsSurvey && r.IsLeaf && r.Score is null);
    }

    [Theory]
    [InlineData("pdf", "application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })] // %PDF-
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 0x50, 0x4B, 0x03, 0x04 })] // PK zip
    [InlineData("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    public async Task Pdf_and_docx_have_their_content_type_and_magic_bytes(string format, string contentType, byte[] magic)
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var response = await editor.GetAsync(TableUri(id, format));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bieu-tu-danh-gia-tinh-bac-giang-2023." + format.ToLowerInvariant(), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 1000, $"{format}: only {bytes.Length} bytes");
        Assert.Equal(magic, bytes[..magic.Length]);
    }

    [Fact]
    public async Task A_user_of_another_unit_is_refused_and_an_appraiser_may_download()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var other = await app.LoginAsync("editor.langson");
        await (await other.GetAsync(TableUri(id, "xlsx"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(TableUri(999_999, "xlsx"))).AssertProblemAsync(HttpStatusCode.NotFound);

        using var appraiser = await app.LoginAsync("appraiser");
        Assert.Equal(HttpStatusCode.OK, (await appraiser.GetAsync(TableUri(id, "pdf"))).StatusCode);

        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(TableUri(id, "xlsx"))).StatusCode);
    }

    [Theory]
    [InlineData("odt")]
    [InlineData("")]
    [InlineData("../xlsx")]
    public async Task An_unknown_format_is_a_400_problem(string format)
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var detail = await (await editor.GetAsync(TableUri(id, Uri.EscapeDataString(format)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("xlsx, docx hoặc pdf", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_self_assessment_page_links_the_three_formats()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var html = await editor.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(html);
        var links = page.QuerySelectorAll("span.downloads:not(#report-downloads) a.download").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            [$"/api/assessments/{id}/table?format=xlsx", $"/api/assessments/{id}/table?format=docx", $"/api/assessments/{id}/table?format=pdf"],
            links);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri(link!, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task The_builder_makes_the_appraisal_layout_from_appraised_and_survey_scores()
    {
        var id = await app.AssessmentIdAsync("BG");
        await using var scope = app.Services.CreateAsyncScope();
        var builder = new AssessmentTableDocumentBuilder(
            scope.ServiceProvider.GetRequiredService<ParIndexDbContext>(),
            scope.ServiceProvider.GetRequiredService<AssessmentService>());
        var appraiser = new CurrentUser("appraiser", "appraiser", new HashSet<string>(StringComparer.Ordinal) { Roles.Appraiser }, null);
        var self = await builder.SelfAssessmentAsync(id, appraiser, CancellationToken.None);
        var surveyLeaves = self.Rows.Where(r => r.IsSurvey && !r.HasChildren).ToList();
        Assert.NotEmpty(surveyLeaves);

        // 1.5 lowered by 0,5; every survey leaf at 80% of its maximum.
        var selfScore15 = self.Rows.Single(r => r.Code == "1.5").SelfScore!.Value;
        var appraisals = surveyLeaves.ToDictionary(r => r.Code, r => new LeafAppraisal(SurveyScore: r.Max * 0.8m), StringComparer.Ordinal);
        appraisals["1.5"] = new LeafAppraisal(AppraisedScore: selfScore15 - 0.5m, Reason: "Thiếu tài liệu kiểm chứng");
        var document = await builder.AppraisalAsync(id, appraisals, appraiser, CancellationToken.None);

        Assert.Equal(TableLayoutKind.Appraisal, document.Layout);
        Assert.Equal("BIỂU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH", document.TitleLines[0]);
        var surveyPoints = surveyLeaves.Sum(r => r.Max) * 0.8m;
        Assert.Equal(65.249m, document.Total.SelfScore);
        Assert.Equal(65.249m - 0.5m, document.Total.AppraisedScore);
        Assert.Equal(surveyPoints, document.Total.SurveyScore);
        Assert.Equal(65.249m - 0.5m + surveyPoints, document.Total.FinalScore);
        Assert.Contains("Lý do thẩm định: Thiếu tài liệu kiểm chứng", document.Rows.Single(r => r.Code == "1.5").Explanation, StringComparison.Ordinal);
        Assert.Equal(9.5m - 0.5m, document.Rows.Single(r => r.Code == "1").AppraisedScore);

        // Another unit's user gets the same refusal as for the self-assessment.
        var langSon = new CurrentUser("editor.langson", "x", new HashSet<string>(StringComparer.Ordinal) { Roles.UnitEditor }, -1);
        var refused = await Assert.ThrowsAsync<DomainException>(() => builder.AppraisalAsync(id, appraisals, langSon, CancellationToken.None));
        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
    }

    [Fact]
    public async Task The_appraisal_table_downloads_with_the_stored_scores()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var appraiser = await app.LoginAsync("appraiser");
        var response = await appraiser.GetAsync(new Uri($"/api/assessments/{id}/appraisal-table?format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bieu-tham-dinh-tinh-bac-giang-2023.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0x50, 0x4B], (await response.Content.ReadAsByteArrayAsync())[..2]);

        using var other = await app.LoginAsync("editor.langson");
        await (await other.GetAsync(new Uri($"/api/assessments/{id}/appraisal-table?format=pdf", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await appraiser.GetAsync(new Uri($"/api/assessments/{id}/appraisal-table?format=rtf", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Tỉnh Bắc Giang", "tinh-bac-giang")]
    [InlineData("Sở Tư pháp tỉnh Bắc Giang", "so-tu-phap-tinh-bac-giang")]
    [InlineData("Đắk Lắk", "dak-lak")]
    [InlineData("  ", "don-vi")]
    public void File_names_are_ascii(string unit, string slug) => Assert.Equal(slug, TableDownloads.Slug(unit));
}

public sealed class TableDownloadTestsOnSqlite(SqliteAppFixture app) : TableDownloadTests<SqliteAppFixture>(app);

public sealed class TableDownloadTestsOnPostgres(PostgresAppFixture app) : TableDownloadTests<PostgresAppFixture>(app);
