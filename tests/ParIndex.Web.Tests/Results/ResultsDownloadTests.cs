using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Results;

/// <summary>
/// The results download (xlsx, csv, json) on the export use case the CLI uses: staff of campaign-wide
/// roles before publication too, the public only once published, unit users not on the staff route.
/// </summary>
public abstract class ResultsDownloadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private Task<int> CampaignAsync(string name) =>
        app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_public_downloads_a_published_ranking_and_gets_the_use_cases_figures()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var id = await CampaignAsync(SampleCampaignGenerator.CampaignName(2023));

        var xlsx = await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results/export?format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"ket-qua-2023-{id}.xlsx", xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using (var workbook = SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false))
        {
            Assert.Single(workbook.WorkbookPart!.WorksheetParts);
        }

        var json = await anonymous.GetStringAsync(new Uri($"/api/public/campaigns/{id}/results/export?format=json", UriKind.Relative));
        var exported = JsonSerializer.Deserialize<ResultsExportDocument>(json, ResultsExport.Json)!;
        CampaignResults expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<ResultsService>().CampaignAsync(id, publicOnly: true, default);
        }

        Assert.Equal(JsonSerializer.Serialize(expected, ResultsExport.Json), JsonSerializer.Serialize(exported.Results, ResultsExport.Json));

        var csv = await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results/export?format=csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvLines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.Equal(expected.Units.Count + 1, csvLines.Length);
        Assert.Contains("Điểm chuẩn", csvLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("tối đa", csvLines[0], StringComparison.OrdinalIgnoreCase);

        var pdf = await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results/export?format=pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"ket-qua-2023-{id}.pdf", pdf.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using (var read = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", read.GetPages().Select(p => p.Text));
            Assert.Contains(expected.Units[0].UnitName.Split(' ')[^1], text, StringComparison.Ordinal);
        }

        var bad = await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results/export?format=docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task An_unpublished_campaign_is_downloadable_by_staff_only_and_marked_unpublished()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var id = await CampaignAsync(DemoSeeder.CampaignName);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results/export?format=xlsx", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/campaigns/{id}/results/export?format=xlsx", UriKind.Relative))).StatusCode);

        using var editor = await app.LoginAsync("editor.bacgiang");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri($"/api/campaigns/{id}/results/export?format=xlsx", UriKind.Relative))).StatusCode);

        using var coordinator = await app.LoginAsync("coordinator");
        var csv = await coordinator.GetAsync(new Uri($"/api/campaigns/{id}/results/export?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",chưa công bố", l, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(new Uri("/api/campaigns/987654/results/export?format=csv", UriKind.Relative))).StatusCode);
    }
}

public sealed class ResultsDownloadTestsOnSqlite(SqliteAppFixture app) : ResultsDownloadTests<SqliteAppFixture>(app);

public sealed class ResultsDownloadTestsOnPostgres(PostgresAppFixture app) : ResultsDownloadTests<PostgresAppFixture>(app);
