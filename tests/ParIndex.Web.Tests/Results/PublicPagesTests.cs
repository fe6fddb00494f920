using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Results;

/// <summary>The public results pages without login and without JavaScript: every chart has its table.</summary>
public abstract class PublicPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_sample_campaign_is_public_labelled_and_ranked_with_tables_beside_the_charts()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var list = Parser.ParseDocument(await anonymous.GetStringAsync(new Uri("/results", UriKind.Relative)));
        var links = list.QuerySelectorAll("#published-campaigns a").Select(a => a.TextContent).ToList();
        Assert.Contains(SampleCampaignGenerator.CampaignName(2023), links);
        Assert.DoesNotContain(DemoSeeder.CampaignName, links);

        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == SampleCampaignGenerator.CampaignName(2023)).Select(c => c.Id).SingleAsync());
        var page = Parser.ParseDocument(await anonymous.GetStringAsync(new Uri($"/results/{id}", UriKind.Relative)));
        Assert.Contains("Dữ liệu mẫu", page.QuerySelector("#sample-label")!.TextContent, StringComparison.Ordinal);
        var districts = page.QuerySelectorAll("#ranking-district tbody tr").ToList();
        Assert.Equal(10, districts.Count);
        Assert.NotNull(page.QuerySelector("canvas[data-chart-for='ranking-district']"));
        Assert.Equal("1", districts[0].QuerySelector(".rank")!.TextContent.Trim()[..1]);
        Assert.EndsWith("%", districts[0].QuerySelector(".index")!.TextContent, StringComparison.Ordinal);
        // The departments are ranked in their own sample campaign, on the department framework (ADR 0122).
        Assert.Empty(page.QuerySelectorAll("#ranking-department tbody tr"));
        Assert.NotEmpty(page.QuerySelectorAll("#regional-averages tbody tr"));
        // One term for the maximum (ADR 0137).
        Assert.Contains("Điểm chuẩn", page.QuerySelectorAll("#ranking-district th").Select(th => th.TextContent));
        Assert.DoesNotContain("tối đa", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        var card = districts[0].QuerySelector("a")!.GetAttribute("href")!;
        var cardPage = Parser.ParseDocument(await anonymous.GetStringAsync(new Uri(card, UriKind.Relative)));
        Assert.Equal(8, cardPage.QuerySelectorAll("#fields tbody tr").Length);
        Assert.NotNull(cardPage.QuerySelector("canvas[data-chart-for='fields']"));
        Assert.NotEmpty(cardPage.QuerySelectorAll("#gaps tbody tr"));
        Assert.Matches("tăng|giảm|giữ nguyên", cardPage.QuerySelector("#unit-movement")!.TextContent);
        Assert.NotNull(cardPage.QuerySelector("#unit-change"));
        // SIPAS of the five satisfaction components (8.1.1–8.1.5), from the sample survey's 60 respondents per unit.
        var sipas = cardPage.QuerySelectorAll("#sipas tbody tr");
        Assert.Equal(["8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5"], sipas.Select(r => r.GetAttribute("data-component")));
        Assert.All(sipas, r => Assert.Matches(@"^\d{1,3}(,\d{1,2})?%$", r.QuerySelectorAll("td")[3].TextContent));
        Assert.All(sipas, r => Assert.InRange(int.Parse(r.QuerySelectorAll("td")[1].TextContent, System.Globalization.CultureInfo.InvariantCulture), 1, 60));
        Assert.EndsWith("%", cardPage.QuerySelector("#sipas-overall")!.TextContent, StringComparison.Ordinal);

        // The demo campaign of 2023 is not published: its page is not found, and the staff API needs a login.
        var provincial = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == DemoSeeder.CampaignName).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/results/{provincial}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/public/campaigns/{provincial}/results", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/campaigns/{provincial}/results", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_published_unit_card_offers_its_results_report_as_a_pdf_without_login()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == SampleCampaignGenerator.CampaignName(2023)).Select(c => c.Id).SingleAsync());
        var page = Parser.ParseDocument(await anonymous.GetStringAsync(new Uri($"/results/{id}", UriKind.Relative)));
        var card = page.QuerySelectorAll("#ranking-district tbody tr a")[0].GetAttribute("href")!;
        var cardPage = Parser.ParseDocument(await anonymous.GetStringAsync(new Uri(card, UriKind.Relative)));
        var link = cardPage.QuerySelector("#report-pdf")!.GetAttribute("href")!;

        using var response = await anonymous.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);

        // An unpublished campaign has no public report.
        var provincial = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == DemoSeeder.CampaignName).Select(c => c.Id).SingleAsync());
        var unit = await app.WithDbAsync(db => db.Assessments.Where(a => a.CampaignId == provincial).Select(a => a.UnitId).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await anonymous.GetAsync(new Uri($"/api/public/campaigns/{provincial}/units/{unit}/report.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_sample_campaign_went_through_appraisal_to_publication_with_reasons_for_every_adjustment()
    {
        var (units, transitions, adjusted, withoutReason, adjustmentHistory) = await app.WithDbAsync(async db =>
        {
            var id = await db.Campaigns.Where(c => c.Name == SampleCampaignGenerator.CampaignName(2023)).Select(c => c.Id).SingleAsync();
            var assessments = await db.Assessments.Where(a => a.CampaignId == id).Select(a => a.Id).ToListAsync();
            var entries = db.LeafEntries.Where(e => assessments.Contains(e.AssessmentId));
            return (
                assessments.Count,
                await db.History.CountAsync(h => h.AssessmentId != null && assessments.Contains(h.AssessmentId.Value) && h.Field == "Status"),
                await entries.CountAsync(e => e.AppraisedScore != e.Points && !e.NotApplicable && e.AppraisedScore != null),
                await entries.CountAsync(e => e.AppraisedScore != e.Points && e.AppraisalReason == null),
                await db.History.CountAsync(h => h.AssessmentId != null && assessments.Contains(h.AssessmentId.Value) && h.Field == "AppraisedScore"));
        });
        Assert.Equal(10, units);
        Assert.Equal(units * 6, transitions);
        Assert.True(adjusted > 0);
        Assert.Equal(0, withoutReason);
        Assert.Equal(adjusted, adjustmentHistory);
    }
}

public sealed class PublicPagesTestsOnSqlite(SqliteAppFixture app) : PublicPagesTests<SqliteAppFixture>(app);

public sealed class PublicPagesTestsOnPostgres(PostgresAppFixture app) : PublicPagesTests<PostgresAppFixture>(app);
