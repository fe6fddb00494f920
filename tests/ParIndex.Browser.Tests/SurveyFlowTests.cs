using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// In a real browser: the coordinator uploads a response file with one bad cell and reads the
/// problem by row and column (nothing imported), then the corrected file, which lands as a batch
/// and re-scores the unit; the same file again is refused.
/// </summary>
public sealed class SurveyFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Campaign = "PAR INDEX 2023 cấp tỉnh";

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    private static FilePayload Csv(string name, string text) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task Coordinator_sees_a_bad_cell_by_row_and_column_then_imports_the_corrected_file()
    {
        var shots = BrowserApp.ScreenshotFolder();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", "coordinator");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));

        await page.GotoAsync(Url("/surveys"));
        var row = page.Locator("#survey-campaigns tr", new PageLocatorOptions { HasTextString = Campaign }).Filter(new LocatorFilterOptions { HasNotTextString = "mẫu)" });
        await row.Locator("a[href$='/import']").ClickAsync();
        await Assertions.Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(1);
        // The demo's sample survey: 800 respondents, about 21 thousand answers written with a thousands dot.
        await Assertions.Expect(page.Locator("#batches tbody tr .answers")).ToHaveTextAsync(new Regex(@"^\d{2}\.\d{3}$"));

        // Q2_4_1 is an A/B/C/D/E question: "Z" is not an answer. Row 3, column C.
        const string header = "ma_phieu,don_vi,Q2_4_1,Q8_1_3\n";
        await page.SetInputFilesAsync("input[name=File]", Csv("dot-bo-sung.csv", header + "BS-1,BG,A,5\nBS-2,BG,Z,4\n"));
        await page.ClickAsync("#import-responses");
        var problems = page.Locator("#problems");
        await Assertions.Expect(problems).ToBeVisibleAsync();
        await Assertions.Expect(problems.Locator("tr.problem-row")).ToHaveCountAsync(1);
        await Assertions.Expect(problems.Locator("tr.problem-row td").Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(problems.Locator("tr.problem-row")).ToContainTextAsync("C");
        await Assertions.Expect(problems.Locator("tr.problem-row")).ToContainTextAsync("\"Z\"");
        await Assertions.Expect(problems).ToContainTextAsync("không có câu trả lời nào được nhập");
        await Assertions.Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "survey-import-problems.png"), FullPage = true });

        await page.SetInputFilesAsync("input[name=File]", Csv("dot-bo-sung.csv", header + "BS-1,BG,A,5\nBS-2,BG,B,4\n"));
        await page.ClickAsync("#import-responses");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Đã nhập dot-bo-sung.csv: 2 người trả lời, 4 câu trả lời");
        var batch = page.Locator("#batches tbody tr", new PageLocatorOptions { HasTextString = "dot-bo-sung.csv" });
        await Assertions.Expect(batch.Locator(".respondents")).ToHaveTextAsync("2");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "survey-import.png"), FullPage = true });

        // The same bytes again: refused, nothing added.
        await page.SetInputFilesAsync("input[name=File]", Csv("lan-nua.csv", header + "BS-1,BG,A,5\nBS-2,BG,B,4\n"));
        await page.ClickAsync("#import-responses");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("đã được nhập");
        await Assertions.Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(2);
        app.AssertNoPolicyViolations();
    }
}
