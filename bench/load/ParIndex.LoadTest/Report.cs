using System.Globalization;
using System.Text;

namespace ParIndex.LoadTest;

/// <summary>The harness's table (Markdown): per round and client count, each scenario with its ratio to the baseline of the same round.</summary>
public static class Report
{
    public static string Table(IReadOnlyList<(int Round, double Load, RoundResult Result, double? PgSelect, double? PgUpdate)> rows, int lostSaves)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| Round | Clients | Load avg | Scenario | Requests | Failed | req/s | p50 ms | p95 ms | Ratio (same round) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => (r.Round, r.Result.Clients)))
        {
            var health = group.FirstOrDefault(r => r.Result.Scenario == "/health").Result;
            foreach (var (round, load, r, select, update) in group)
            {
                var ratio = r.Scenario switch
                {
                    "/health" => "baseline",
                    "autosave" when update is { } tps => $"{F(r.PerSecond / tps)}× pgbench -N ({F(tps)} tps; -S {F(select ?? 0)} tps)",
                    _ when health is not null => $"p95 {F(r.P95 / Math.Max(health.P95, 0.001))}× /health",
                    _ => "",
                };
                text.AppendLine(CultureInfo.InvariantCulture, $"| {round} | {r.Clients} | {F(load)} | {r.Scenario} | {r.Requests} | {r.Failures} | {F(r.PerSecond)} | {F(r.P50)} | {F(r.P95)} | {ratio} |");
            }
        }

        // A negative count: the table of a run still going, its saves not checked yet.
        if (lostSaves >= 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\nAcknowledged saves lost: {lostSaves}");
        }

        return text.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
