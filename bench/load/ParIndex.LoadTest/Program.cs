using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParIndex.LoadTest;

/// <summary>
/// The load test of issue 15 (docs/benchmarks.md): against a running ParIndex over a database made by
/// <c>parindex demo national</c>, rounds of every scenario at each client count beside /health and pgbench.
/// Usage: <c>ParIndex.LoadTest --url http://127.0.0.1:5180 [--clients 1,10,50] [--rounds 3] [--seconds 5]
/// [--user editor.national] [--password …] [--pgbench "-h 127.0.0.1 -p 5432 -U postgres pgbench"]
/// [--scenarios autosave,…]</c> (only the scenarios named, /health among them or not; default all).
/// </summary>
internal static class LoadTestMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Usage: ParIndex.LoadTest --url URL [--clients 1,10,50] [--rounds 3] [--seconds 5] [--user NAME] [--password P] [--pgbench \"pgbench connection arguments\"] [--scenarios autosave,…]");
            return 2;
        }

        var cookies = new CookieContainer();
        // Signed-in clients share the editor's session; the public pages are read without any cookie,
        // as the public reads them (and as the output cache of ADR 0140 serves them).
        HttpClient NewClient(bool signedIn = true)
        {
            var http = new HttpClient(new SocketsHttpHandler { CookieContainer = signedIn ? cookies : new CookieContainer(), UseCookies = signedIn, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(options.Url),
                Timeout = TimeSpan.FromSeconds(120),
            };
            // The app checks the origin of state-changing requests, as a browser sends it.
            http.DefaultRequestHeaders.Add("Origin", options.Url.TrimEnd('/'));
            return http;
        }

        using var setup = NewClient();
        var scenarios = await Setup.ScenariosAsync(setup, options.User, options.Password);
        var pgbench = options.PgBench is null ? null : new PgBench(options.PgBench);
        var rows = new List<(int Round, double Load, RoundResult Result, double? PgSelect, double? PgUpdate)>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var clients in options.Clients)
            {
                var pool = Enumerable.Range(0, clients).Select(_ => NewClient()).ToList();
                var anonymous = Enumerable.Range(0, clients).Select(_ => NewClient(signedIn: false)).ToList();
                var publicPages = new HashSet<string>([scenarios.PublicRanking().Name, scenarios.PublicRankingPage().Name, scenarios.ScoreCard().Name], StringComparer.Ordinal);
                var load = LoadAverage();
                Console.Error.WriteLine($"round {round}, {clients} clients, load average {load.ToString("0.00", CultureInfo.InvariantCulture)}");
                if (options.Scenarios is null || options.Scenarios.Contains(scenarios.Health().Name))
                {
                    rows.Add((round, load, await LoadRunner.RunAsync(scenarios.Health(), pool, options.Duration, default), null, null));
                }

                foreach (var scenario in new[] { scenarios.PublicRanking(), scenarios.PublicRankingPage(), scenarios.ScoreCard(), scenarios.SelfAssessmentPage(), scenarios.AssessmentApi(), scenarios.Autosave() }
                    .Where(s => options.Scenarios is null || options.Scenarios.Contains(s.Name)))
                {
                    var result = await LoadRunner.RunAsync(scenario, publicPages.Contains(scenario.Name) ? anonymous : pool, options.Duration, default);
                    double? select = null, update = null;
                    if (scenario.Name == "autosave" && pgbench is not null)
                    {
                        select = await pgbench.TpsAsync("-S", clients, options.Duration);
                        update = await pgbench.TpsAsync("-N", clients, options.Duration);
                    }

                    rows.Add((round, load, result, select, update));
                }

                pool.ForEach(p => p.Dispose());
                anonymous.ForEach(p => p.Dispose());
            }

            // The table so far, so that a run cut short (the app killed, a session ending) keeps its rounds.
            Console.Error.WriteLine($"after round {round}:");
            Console.Error.WriteLine(Report.Table(rows, lostSaves: -1));
        }

        // Acknowledged saves: each leaf's stored version is the last one the server acknowledged.
        var lost = await Setup.LostSavesAsync(setup, scenarios);
        Console.WriteLine(Report.Table(rows, lost));
        return rows.Any(r => r.Result.Failures > 0) || lost > 0 ? 1 : 0;
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}

internal sealed record Options(string Url, int[] Clients, int Rounds, TimeSpan Duration, string User, string Password, string? PgBench, IReadOnlySet<string>? Scenarios)
{
    public static Options? Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Value("--url") is not { } url)
        {
            return null;
        }

        return new Options(url,
            (Value("--clients") ?? "1,10,50").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Value("--rounds") ?? "3", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "5", CultureInfo.InvariantCulture)),
            Value("--user") ?? "editor.national",
            Value("--password") ?? "ParIndex@2023",
            Value("--pgbench"),
            // For profiling one scenario (e.g. the autosave) without the others' load in between.
            Value("--scenarios") is { } names ? names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : null);
    }
}

/// <summary>pgbench on the same cluster, for the same time and clients: its transactions per second.</summary>
internal sealed partial class PgBench(string connectionArguments)
{
    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    public async Task<double?> TpsAsync(string mode, int clients, TimeSpan duration)
    {
        var start = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { mode, "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture), "-T", Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in connectionArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return Tps().Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
