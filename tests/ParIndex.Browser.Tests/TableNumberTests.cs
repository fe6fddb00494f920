using System.Text.Json;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// Issue 13: "numbers in tables are right-aligned with the same number of decimals in a column".
/// Walks the pages each role reaches by following links from home (one page of each kind, the
/// digits of a path being its kind's parameters) and checks every table: a cell holding a
/// Vietnamese decimal number, or marked as a number (<c>td.num</c>), is right-aligned, and the
/// numbers of one column all have as many decimals. Integers in unmarked cells (codes, years,
/// versions) are not numbers to align and are left alone.
/// </summary>
public sealed class TableNumberTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int PagesPerRole = 45;

    // Run in the page: one line per problem. A number is 1.234,5 with an optional % or "điểm %".
    internal const string CheckScript = """
        () => {
          const number = /^[+\-−]?\d{1,3}(\.\d{3})*(,\d+)?\s?(%|điểm %)?$/;
          const problems = [];
          document.querySelectorAll('table').forEach((table, t) => {
            if (table.closest('[hidden]')) return;
            const name = table.id || ('#' + t);
            const columns = {};
            table.querySelectorAll('tbody tr').forEach(tr => {
              let column = 0;
              for (const td of tr.cells) {
                const span = td.colSpan || 1;
                const text = td.innerText.trim();
                if (span === 1 && number.test(text) && (td.classList.contains('num') || text.includes(','))) {
                  const align = getComputedStyle(td).textAlign;
                  if (align !== 'right' && align !== 'end') problems.push(`table ${name}, column ${column + 1}: "${text}" is aligned ${align}`);
                  const decimals = (text.match(/,(\d+)/) || ['', ''])[1].length;
                  (columns[column] = columns[column] || {})[decimals] = text;
                }
                column += span;
              }
            });
            for (const [column, byDecimals] of Object.entries(columns)) {
              const counts = Object.keys(byDecimals);
              if (counts.length > 1) {
                const head = table.tHead?.rows[0]?.cells[column]?.innerText.trim() ?? '';
                problems.push(`table ${name}, column ${+column + 1} "${head}": ` + counts.map(d => `${d} decimals (${byDecimals[d]})`).join(' and '));
              }
            }
          });
          return JSON.stringify(problems);
        }
        """;

    [Fact]
    public async Task Numbers_in_every_table_are_right_aligned_with_one_number_of_decimals_per_column()
    {
        var failures = new List<string>();
        var tablesSeen = 0;
        foreach (var user in new[] { "coordinator", "appraiser", "editor.bacgiang", "chair" })
        {
            await using var context = await app.NewContextAsync(new ViewportSize { Width = 1366, Height = 900 });
            var page = await app.LoginAsync(context, user);
            tablesSeen += await WalkAsync(page, user, failures, skipPublic: true);
        }

        await using (var anonymous = await app.NewContextAsync(new ViewportSize { Width = 1366, Height = 900 }))
        {
            var page = await anonymous.NewPageAsync();
            await page.GotoAsync(new Uri(app.BaseAddress, "/results").ToString());
            tablesSeen += await WalkAsync(page, "anonymous", failures, skipPublic: false, "/results");
        }

        // The walk reached the pages with numbers (the ranking, the score card, the assessment, the appraisal).
        Assert.True(tablesSeen >= 20, $"only {tablesSeen} tables seen");
        Assert.True(failures.Count == 0, "numbers in tables:\n" + string.Join("\n", failures.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>The problems of the page as it is now (after an autosave, say), one line each.</summary>
    internal static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page) =>
        JsonSerializer.Deserialize<List<string>>(await page.EvaluateAsync<string>(CheckScript)) ?? [];

    // The public pages are the same for everyone: walked once, signed out.
    private async Task<int> WalkAsync(IPage page, string who, List<string> failures, bool skipPublic, string start = "/")
    {
        var queue = new Queue<string>([start]);
        var kinds = new HashSet<string>(StringComparer.Ordinal) { PageLinks.Shape(start) };
        var visited = 0;
        var tables = 0;
        while (queue.Count > 0 && visited < PagesPerRole)
        {
            var path = queue.Dequeue();
            var response = await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            visited++;
            if (response is null || !response.Ok || !(response.Headers.GetValueOrDefault("content-type") ?? "").Contains("html", StringComparison.Ordinal))
            {
                continue;
            }

            tables += await page.Locator("table").CountAsync();
            failures.AddRange((await ProblemsAsync(page)).Select(p => $"{who} {path}: {p}"));

            foreach (var target in await PageLinks.FollowableAsync(page))
            {
                if ((skipPublic && target.StartsWith("/results", StringComparison.Ordinal)) || !kinds.Add(PageLinks.Shape(target)))
                {
                    continue;
                }

                queue.Enqueue(target);
            }
        }

        return tables;
    }
}
